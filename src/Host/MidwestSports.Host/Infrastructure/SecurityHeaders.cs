using System.Security.Cryptography;
using MidwestSports.PublicSite;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The browser-side defences every response carries: a Content-Security-Policy, nosniff and a referrer policy.
/// The admin UI's policy allows only this origin's scripts plus the one inline import map Blazor renders, which
/// carries a per-request nonce; MudBlazor sets inline styles, hence 'unsafe-inline' for styles only; the Blazor
/// circuit is a WebSocket to this same host. HSTS is added by UseHsts outside Development.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>JSON and text answers never need to run or load anything.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The nonce of this request's inline script (Blazor's import map), for App.razor.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing to escape in HTML or the header
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, so that error pages, redirects and 429s carry them too; this replaces
        // the frame-ancestors-only policy Blazor adds to its pages.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Widgets (<c>/embed</c>) are framed by the public website's origins, and only there; they run only this origin's
    /// script and stylesheet, never inline code: their pages are cached and shared, so a per-answer nonce cannot be in them.
    /// </summary>
    public static string EmbedPolicy(IEnumerable<string> frameAncestors) =>
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        + $"frame-ancestors {string.Join(' ', frameAncestors.Prepend("'self'"))}; base-uri 'none'; form-action 'none'";

    public static string PolicyFor(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/embed"))
        {
            return context.RequestServices.GetRequiredService<WidgetPolicy>().Value;
        }

        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/public") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/calendar"))
        {
            return ApiPolicy;
        }

        // The Hangfire dashboard (system admins only) and the Scalar API reference are third-party pages with
        // inline scripts and styles of their own: they get their own looser policy, still same-origin only.
        if (path.StartsWithSegments("/jobs") || path.StartsWithSegments("/scalar"))
        {
            return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        }

        var host = context.Request.Host.Value;
        var socket = context.Request.IsHttps ? $"wss://{host}" : $"ws://{host} wss://{host}";
        return $"default-src 'self'; script-src 'self' 'nonce-{Nonce(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + $"font-src 'self' data:; connect-src 'self' {socket}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }
}

/// <summary>The widget policy, built once from <c>PublicApi:AllowedOrigins</c>.</summary>
internal sealed class WidgetPolicy(IConfiguration configuration)
{
    public string Value { get; } = SecurityHeaders.EmbedPolicy(PublicSiteModule.AllowedOrigins(configuration));
}
