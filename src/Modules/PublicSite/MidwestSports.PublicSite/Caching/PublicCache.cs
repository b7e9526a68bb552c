using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace MidwestSports.PublicSite.Caching;

/// <summary>
/// The server-side cache of public answers (ASP.NET Core output caching), keyed by path and query and tagged by
/// what each answer shows: a change evicts the tags it touches (<see cref="CacheEviction"/>), so it shows at once
/// rather than when an entry expires. The expiry is only a safety net.
/// </summary>
internal static class PublicCache
{
    public const string PolicyName = "public";

    /// <summary>Every public answer carries it: a change that may touch anything (a city renamed) evicts them all.</summary>
    public const string All = "public";

    public const string Cities = "public:cities";

    public static string City(Guid cityId) => $"public:city:{cityId}";

    /// <summary>Every city's list of leagues (a league renamed or moved shows in one or two of them).</summary>
    public const string CityLeagueLists = "public:city-leagues";

    public static string League(Guid leagueId) => $"public:league:{leagueId}";

    public static string Team(Guid teamId) => $"public:team:{teamId}";

    public static string Sponsor(Guid sponsorId) => $"public:sponsor:{sponsorId}";

    public static string Venue(Guid venueId) => $"public:venue:{venueId}";

    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    /// <summary>Tags the answer being written with what it shows (no-op when the cache is not in the pipeline).</summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            foreach (var tag in tags)
            {
                feature.Context.Tags.Add(tag);
            }
        }
    }
}

/// <summary>GET and HEAD answers of 200 are stored whoever asks (a signed-in admin's request reads the same public data); nothing else is.</summary>
internal sealed class PublicCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicCache.Expiry;
        context.CacheVaryByRules.QueryKeys = "*";
        // CORS headers differ by the asking origin: a copy made for the website must not be served to another origin.
        context.CacheVaryByRules.HeaderNames = "Origin";
        context.Tags.Add(PublicCache.All);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts tags from the output cache; a failure is logged and never fails the change that caused it.</summary>
internal sealed partial class CacheEviction(IOutputCacheStore store, ILogger<CacheEviction> logger)
{
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await store.EvictByTagAsync(tag, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEvictionFailed(logger, ex, tag);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evict public cache tag {Tag}")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception, string tag);
}
