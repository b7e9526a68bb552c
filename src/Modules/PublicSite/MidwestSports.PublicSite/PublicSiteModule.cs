using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.PublicSite.Api;
using MidwestSports.PublicSite.Caching;
using MidwestSports.PublicSite.Changes;
using MidwestSports.PublicSite.Embed;
using MidwestSports.PublicSite.Feeds;
using MidwestSports.PublicSite.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.PublicSite;

/// <summary>
/// The public surface: the read-only JSON API (<c>/public/v1</c>), its change feed and its caches. It owns only the
/// feed's table (schema <c>public_site</c>); everything it shows it asks of the other modules through their Contracts.
/// </summary>
public sealed class PublicSiteModule : IModule
{
    /// <summary>CORS policy of the public routes: the configured website origins, GET and HEAD, no credentials.</summary>
    public const string CorsPolicy = "public-site";

    /// <summary>Rate-limit policy of the public routes: <c>PublicApi__RateLimit__PerMinute</c> per client address.</summary>
    public const string RateLimitPolicy = "public-site";

    private PublicApiOptions options = new();

    public string Name => "PublicSite";

    public IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        // Nightly: changes older than PublicApi__ChangeFeedRetention leave the feed (a token before them answers 410).
        new("public-site-change-feed-retention", "30 3 * * *", (services, ct) =>
            services.GetRequiredService<Mediator.ISender>().Send(new PruneChangeFeed(services.GetRequiredService<PublicApiOptions>().ChangeFeedRetention), ct).AsTask()),
    ];

    /// <summary>The origins allowed to call the public API from a browser and to frame its widgets.</summary>
    public static IReadOnlyList<string> AllowedOrigins(IConfiguration configuration) => PublicApiOptions.From(configuration).AllowedOrigins;

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        options = PublicApiOptions.From(configuration);
        services.AddSingleton(options);
        services.AddModuleDbContext<PublicSiteDbContext>(Name, PublicSiteDbContext.SchemaName);
        services.AddScoped<ChangeRecorder>();
        services.AddSingleton<CacheEviction>();
        services.AddHostedService<ChangeFeedEvictor>();
        services.AddOutputCache(cache => cache.AddPolicy(PublicCache.PolicyName, new PublicCachePolicy()));
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            policy.WithOrigins([.. options.AllowedOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Head)
                .WithHeaders("If-None-Match", "If-Modified-Since")
                .WithExposedHeaders("ETag", "Last-Modified", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        var perMinute = options.RateLimitPerMinute;
        services.AddRateLimiter(limits => limits.AddPolicy(RateLimitPolicy, context => perMinute == 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        PublicEndpoints.Map(endpoints)
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .CacheOutput(PublicCache.PolicyName);
        // The calendar feeds (/calendar/...ics) under the same rules: anonymous, the same CORS, limit and cache.
        CalendarFeeds.Map(endpoints).AllowAnonymous().RequireCors(CorsPolicy).RequireRateLimiting(RateLimitPolicy).CacheOutput(PublicCache.PolicyName);
        // The widgets (/embed/...): anonymous, the same limit and cache; framed, not fetched, so no CORS.
        EmbedEndpoints.Map(endpoints)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .CacheOutput(PublicCache.PolicyName);
    }
}
