using MidwestSports.PublicSite.Caching;
using MidwestSports.PublicSite.Persistence;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.PublicSite.Changes;

/// <summary>
/// What the public site does when a module says something changed: evict the cached answers that showed it (the data
/// is committed before the event is published, so the next request reads the change), then append the change to the
/// feed once per event (the inbox drops a repeated delivery).
/// </summary>
internal sealed class ChangeRecorder(PublicSiteDbContext db, CacheEviction cache, TimeProvider time)
{
    public const string ChangesTag = "public:changes";

    public async Task RecordAsync(IIntegrationEvent integrationEvent, string handler, IReadOnlyCollection<string> tags, IReadOnlyCollection<ChangeLogEntry> rows, CancellationToken ct)
    {
        await cache.EvictAsync(tags, ct);
        if (rows.Count == 0)
        {
            return;
        }

        await db.HandleOnceAsync(integrationEvent, handler, time.GetUtcNow(), _ =>
        {
            db.Changes.AddRange(rows);
            return Task.CompletedTask;
        }, ct);
        await cache.EvictAsync([ChangesTag], ct);
    }

    public static ChangeLogEntry Row(string kind, Guid id, Guid? leagueId, string change, DateTimeOffset at) =>
        new() { Kind = kind, EntityId = id, LeagueId = leagueId, Change = change, At = at };

    /// <summary>A team's feed row, from one change or one of an import's batch: deleted, created (its first version) or updated.</summary>
    public static ChangeLogEntry TeamRow(Teams.Contracts.TeamChanged t, DateTimeOffset at) =>
        Row("team", t.TeamId, t.LeagueId, t.Deleted ? "deleted" : t.Version == 1 ? "created" : "updated", at);
}
