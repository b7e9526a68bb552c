using System.Security.Claims;
using MidwestSports.Shared.Access;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Runs after authentication, before authorization: reads the signed-in user's role and cities fresh from the
/// user store into the request's <see cref="CurrentScope"/>, and adds the role as a claim for the policies. A user
/// who was disabled (or whose stamp changed) since the cookie or token was issued becomes anonymous here.
/// </summary>
internal sealed class CityScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICityScopeResolver resolver, CurrentScope current)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var scope = await resolver.ResolveAsync(context.User, context.RequestAborted);
            if (scope is null)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                current.Scope = scope;
                // A new principal rather than AddIdentity: the authenticated one may be shared (a cached bearer ticket).
                context.User = new ClaimsPrincipal(context.User.Identities.Append(ScopeClaims.For(scope)));
            }
        }

        await next(context);
    }
}

internal static class ScopeClaims
{
    public const string AuthenticationType = "MidwestScope";

    public static ClaimsIdentity For(CityScope scope) => new(
        [new Claim(ClaimTypes.Role, scope.Role.ToString()), new Claim(ClaimTypes.Name, scope.Actor)],
        AuthenticationType,
        ClaimTypes.Name,
        ClaimTypes.Role);
}
