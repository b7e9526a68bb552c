using Microsoft.Extensions.Configuration;

namespace MidwestSports.PublicSite;

/// <summary>
/// The public surface's settings (<c>PublicApi__*</c>): the website origins that may call it from a browser and
/// frame its widgets, and the per-client request limit.
/// </summary>
internal sealed class PublicApiOptions
{
    public const string Section = "PublicApi";

    /// <summary>Origins (scheme://host[:port]) allowed by CORS and as widget frame ancestors; none: same origin only.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Requests a minute per client address on the public routes; 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; init; } = 300;

    /// <summary>How often each host reads the change feed to evict answers changed on another host; zero turns it off.</summary>
    public TimeSpan EvictionPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the change feed keeps a change (<c>PublicApi__ChangeFeedRetention</c>, 30 days).</summary>
    public TimeSpan ChangeFeedRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Reads the section. <c>AllowedOrigins</c> is a list (<c>PublicApi__AllowedOrigins__0</c>, …) or one value of
    /// origins separated by commas, semicolons or spaces (<c>PublicApi__AllowedOrigins="https://a.org https://b.org"</c>).
    /// </summary>
    public static PublicApiOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var origins = section.GetSection("AllowedOrigins");
        var values = origins.GetChildren().Select(c => c.Value).Append(origins.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(o => o.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var origin in values)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                throw new InvalidOperationException($"PublicApi:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], nothing after it).");
            }
        }

        return new PublicApiOptions
        {
            AllowedOrigins = values,
            RateLimitPerMinute = Math.Max(0, section.GetValue("RateLimit:PerMinute", 300)),
            EvictionPollInterval = section.GetValue("EvictionPollInterval", TimeSpan.FromSeconds(1)),
            ChangeFeedRetention = section.GetValue("ChangeFeedRetention", TimeSpan.FromDays(30)),
        };
    }
}
