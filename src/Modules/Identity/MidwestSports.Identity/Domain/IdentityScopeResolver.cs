using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MidwestSports.Identity.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Identity.Domain;

/// <summary>Reads the user behind a cookie or token on every request: disabled or re-stamped users resolve to nothing.</summary>
internal sealed class IdentityScopeResolver(IdentityDb db, IOptions<IdentityOptions> options) : ICityScopeResolver
{
    public async Task<CityScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var idClaim = principal.FindFirstValue(options.Value.ClaimsIdentity.UserIdClaimType);
        if (!Guid.TryParse(idClaim, out var userId))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Role, u.Disabled, u.SecurityStamp, Cities = u.Cities.Select(c => c.CityId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || user.Disabled || stamp != user.SecurityStamp)
        {
            return null;
        }

        return new CityScope(userId, user.Email ?? userId.ToString(), user.Role, user.Cities.ToHashSet());
    }
}

/// <summary>A disabled user may not sign in; SignInManager asks this before checking anything else.</summary>
internal sealed class EnabledUserConfirmation : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(!user.Disabled);
}
