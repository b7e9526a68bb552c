using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using MidwestSports.Shared.Access;

namespace MidwestSports.Host.Infrastructure;

/// <summary>An open admin page re-checks its user every minute: a disabled user's circuit is signed out.</summary>
internal sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var resolver = scope.ServiceProvider.GetRequiredService<ICityScopeResolver>();
        return await resolver.ResolveAsync(authenticationState.User, cancellationToken) is not null;
    }
}

internal static class PrincipalExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? "signed in";
}
