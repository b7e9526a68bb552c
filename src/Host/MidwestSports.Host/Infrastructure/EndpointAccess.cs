using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Gives the framework's own endpoints (Blazor's hub and scripts) an explicit access rule, so that every
/// endpoint of the app states one: the authorization matrix test fails on any endpoint that does not.
/// </summary>
internal static class EndpointAccess
{
    public static void ClassifyFrameworkEndpoints(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.Any(m => m is IAuthorizeData or IAllowAnonymous))
        {
            return;
        }

        var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty;
        if (route.StartsWith("_framework/", StringComparison.Ordinal) || route.StartsWith("/_framework/", StringComparison.Ordinal))
        {
            // The Blazor script itself: public, the sign-in page needs it.
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }
        else
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(AccessPolicies.CityUser));
        }
    }
}

/// <summary>The Hangfire dashboard is for system admins only (the endpoint policy says so too).</summary>
internal sealed class SystemAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(nameof(PlatformRole.SystemAdmin));
}

internal static class AccountEndpoints
{
    public static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, ISender sender)
    {
        // The antiforgery middleware only records its verdict; an endpoint that binds no form must read it, or a
        // cross-site post (with or without a body) signs the admin out. Validated here when the middleware did not.
        var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
        if (!(verdict?.IsValid ?? await antiforgery.IsRequestValidAsync(context)))
        {
            return Results.Problem(title: "The sign-out form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        await sender.Send(new SignOut());
        return Results.Redirect("/account/login");
    }
}
