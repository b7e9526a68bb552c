using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MidwestSports.Shared.Access;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The one answer every rate limit of the app gives (ASP.NET Core has one rejection callback for all its limiters):
/// 429 with Retry-After, as ProblemDetails for the API and the public site, as a small page for the sign-in forms.
/// </summary>
internal static class RateLimitRejection
{
    public static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var path = http.Request.Path;
        var publicSite = path.StartsWithSegments("/public") || path.StartsWithSegments("/embed") || path.StartsWithSegments("/calendar");
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection))
            .LogWarning(publicSite ? "Public requests over the limit from {ClientAddress} on {Path}" : "Sign-in attempts over the limit from {ClientAddress} on {Path}", ClientAddress.Of(http), path.Value);

        var title = publicSite ? "Too many requests." : "Too many attempts.";
        var detail = publicSite ? $"Too many requests from this address: try again in {seconds} seconds." : $"Too many attempts: try again in {seconds} seconds.";
        if (path.StartsWithSegments("/api") || publicSite)
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
            });
            return;
        }

        // A person at the sign-in form gets a page, not JSON; the page must not be blank under the CSP (no scripts).
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts · Midwest Sports</title></head>
            <body><h1>{title}</h1><p data-testid="rate-limited">{detail}</p><p><a href="/account/login">Back to sign in</a></p></body></html>
            """,
            ct);
    }
}
