using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MidwestSports.Shared.Access;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Attempts per client address and per account on the sign-in and password-reset posts, ahead of the lockout:
/// over the limit the answer is 429 with Retry-After before a password is even checked. Counters live in this
/// process (each Host instance counts its own); the lockout, which must hold across instances, lives in the
/// database. Settings under Auth:RateLimit (README, docs/adr/0009-sign-in-abuse.md).
/// </summary>
internal static class SignInRateLimits
{
    private const string AccountItem = "sign-in-account";

    /// <summary>The limited posts, and the bucket each counts in: a reset request must not use up sign-in attempts.</summary>
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/auth/login"] = "sign-in",
        ["/account/login"] = "sign-in",
        ["/api/auth/password-reset"] = "reset",
        ["/account/forgot-password"] = "reset",
        ["/api/auth/password-reset/confirm"] = "reset-confirm",
        ["/account/reset-password"] = "reset-confirm",
    };

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perClient = new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Auth:RateLimit:PerClientPermits", 10),
            Window = configuration.GetValue("Auth:RateLimit:PerClientWindow", TimeSpan.FromMinutes(1)),
            QueueLimit = 0,
        };
        var perAccount = new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Auth:RateLimit:PerAccountPermits", 20),
            Window = configuration.GetValue("Auth:RateLimit:PerAccountWindow", TimeSpan.FromMinutes(15)),
            QueueLimit = 0,
        };

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => PurposeOf(context) is { } purpose
                    ? RateLimitPartition.GetFixedWindowLimiter($"{purpose}|{ClientAddress.Of(context)}", _ => perClient)
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PurposeOf(context) is { } purpose && context.Items[AccountItem] is string account
                    ? RateLimitPartition.GetFixedWindowLimiter($"{purpose}|{account}", _ => perAccount)
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            options.OnRejected = (context, ct) => RateLimitRejection.RejectAsync(context, perClient.Window, ct);
        });
    }

    /// <summary>Reads the email of a limited post first (the limiter's partitioning cannot wait for the body), then limits.</summary>
    public static IApplicationBuilder UseSignInRateLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (PurposeOf(context) is not null && await EmailOfAsync(context.Request) is { Length: > 0 } email)
            {
                context.Items[AccountItem] = email.Trim().ToUpperInvariant();
            }

            await next(context);
        }).UseRateLimiter();

    // Routing also matches a trailing slash and any letter case: so must the limit, or it is one character away.
    private static string? PurposeOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && Purposes.TryGetValue((context.Request.Path.Value ?? string.Empty).TrimEnd('/'), out var purpose) ? purpose : null;

    private static async Task<string?> EmailOfAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            // Buffered by ASP.NET Core: the page reads the same form afterwards.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["Input.Email"].FirstOrDefault();
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        // A sign-in body is tiny; a longer one is not worth reading here (the endpoint still checks it).
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length == buffer.Length)
            {
                return null;
            }

            using var body = JsonDocument.Parse(buffer.AsMemory(0, length));
            // The last "email" wins, as in the endpoint's own binding (case-insensitive names): a duplicate key cannot
            // slip past the account limit.
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.EnumerateObject().LastOrDefault(p => p.Name.Equals("email", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } property
                    ? property.Value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null; // the endpoint answers the malformed body itself
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
