using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MidwestSports.PublicSite.Changes;
using MidwestSports.PublicSite.Persistence;

namespace MidwestSports.PublicSite.Caching;

/// <summary>
/// Keeps this host's output cache right when the change happened on another host: a module's event is handled (and
/// the cache evicted) only on the host that made the change, but every change enters the feed in the database. Each
/// host reads the feed's new rows every <c>PublicApi:EvictionPollInterval</c> (1 s; 0 turns it off) and evicts what
/// they name, so a change shows on every host within about a second (docs/public-site.md).
/// </summary>
internal sealed partial class ChangeFeedEvictor(IServiceScopeFactory scopes, CacheEviction cache, PublicApiOptions options, ILogger<ChangeFeedEvictor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.EvictionPollInterval <= TimeSpan.Zero)
        {
            return;
        }

        long? last = null;
        using var timer = new PeriodicTimer(options.EvictionPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                last = await PollAsync(last, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be starting or migrating; the next tick tries again.
                LogPollFailed(logger, ex);
            }
        }
    }

    private async Task<long> PollAsync(long? last, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicSiteDbContext>();
        if (last is null)
        {
            // Start from now: what happened before this host started is not in its (empty) cache.
            return await db.Changes.MaxAsync(c => (long?)c.Seq, ct) ?? 0;
        }

        var rows = await db.Changes
            .FromSqlInterpolated($"SELECT * FROM public_site.changes WHERE seq > {last.Value} AND tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY seq LIMIT 5000")
            .AsNoTracking()
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return last.Value;
        }

        await cache.EvictAsync(rows.SelectMany(TagsOf).Append(ChangeRecorder.ChangesTag), ct);
        return rows[^1].Seq;
    }

    /// <summary>The cached answers a change of the feed can touch.</summary>
    public static IEnumerable<string> TagsOf(ChangeLogEntry change) => change.Kind switch
    {
        "city" => [PublicCache.All],
        "league" when change.Change == "unpublished" => [PublicCache.All],
        "league" => [PublicCache.CityLeagueLists, .. LeagueOf(change)],
        "venue" => [PublicCache.Venue(change.EntityId)],
        "sponsor" => [PublicCache.Sponsor(change.EntityId)],
        "team" => [PublicCache.Team(change.EntityId), .. LeagueOf(change)],
        _ => LeagueOf(change),
    };

    private static IEnumerable<string> LeagueOf(ChangeLogEntry change) =>
        change.LeagueId is { } league ? [PublicCache.League(league)] : [PublicCache.All];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the public change feed to evict cached answers; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
