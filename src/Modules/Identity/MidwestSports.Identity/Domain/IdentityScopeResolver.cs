using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MidwestSports.Identity.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Identity.Domain;

/// <summary>
/// The user behind a cookie or token: disabled or re-stamped users resolve to nothing. Served from
/// <see cref="UserScopeCache"/>, which every change of a user evicts; a stamp that differs from the cached one is
/// checked against the database before the request is turned away, so a fresh sign-in is never refused for a stale entry.
/// </summary>
internal sealed class IdentityScopeResolver(IServiceProvider services, IOptions<IdentityOptions> options, UserScopeCache cache) : ICityScopeResolver
{
    public async Task<CityScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var claims = options.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId))
        {
            return null;
        }

        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (!cache.TryGet(userId, out var user) || user.SecurityStamp != stamp)
        {
            user = await ReadAsync(userId, cancellationToken);
        }

        if (user is null || user.Disabled || stamp != user.SecurityStamp)
        {
            return null;
        }

        return new CityScope(userId, user.Email ?? userId.ToString(), user.Role, user.CityIds);
    }

    private async Task<CachedUser?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var readSince = cache.Generation;
        // The context is taken from the request's services only on a miss: most requests never need one.
        var db = services.GetRequiredService<IdentityDb>();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Role, u.Disabled, u.SecurityStamp, Cities = u.Cities.Select(c => c.CityId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var user = cache.Entry(row.Email, row.Role, row.Disabled, row.SecurityStamp, row.Cities.ToHashSet());
        cache.Store(userId, user, readSince);
        return user;
    }
}

/// <summary>Signing out of the UI drops the user's cached scope: the next sign-in reads the user afresh.</summary>
internal static class SignOutEviction
{
    public static Task OnSigningOut(CookieSigningOutContext context)
    {
        var cache = context.HttpContext.RequestServices.GetRequiredService<UserScopeCache>();
        var idType = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType;
        if (Guid.TryParse(context.HttpContext.User.FindFirstValue(idType), out var userId))
        {
            cache.Evict([userId]);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A disabled user may not sign in; SignInManager asks this before checking anything else.</summary>
internal sealed class EnabledUserConfirmation : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(!user.Disabled);
}
