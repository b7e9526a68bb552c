using System.Security.Claims;

namespace MidwestSports.Shared.Access;

/// <summary>
/// Turns a signed-in principal into the user's current scope, read fresh from the user store: a disabled user,
/// a changed password or a revoked city takes effect on the next request, not when a cookie or token expires.
/// </summary>
public interface ICityScopeResolver
{
    /// <returns>The scope, or null when the principal no longer stands for an active user (sign them out).</returns>
    Task<CityScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
