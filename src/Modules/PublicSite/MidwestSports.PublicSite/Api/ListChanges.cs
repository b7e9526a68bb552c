using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.PublicSite.Contracts;
using MidwestSports.PublicSite.Persistence;

namespace MidwestSports.PublicSite.Api;

/// <summary>
/// The change feed, oldest first. Only rows older than every transaction still running are handed out, so a row that
/// commits late with a lower number is never skipped by a token already given to a site.
/// </summary>
internal sealed class ListPublicChangesHandler(PublicSiteDbContext db) : IQueryHandler<ListPublicChanges, PublicChangesPage?>
{
    public async ValueTask<PublicChangesPage?> Handle(ListPublicChanges query, CancellationToken cancellationToken)
    {
        var pruned = await db.FeedState.AsNoTracking().Select(f => (long?)f.PrunedThrough).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (query.Since > 0 && query.Since < pruned)
        {
            return null;
        }

        var limit = Math.Clamp(query.Limit, 1, 1000);
        var rows = await db.Changes
            .FromSqlInterpolated($"SELECT * FROM public_site.changes WHERE seq > {query.Since} AND tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY seq LIMIT {limit + 1}")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = page.Count > 0 ? page[^1].Seq : query.Since;
        // Stable while nothing changes, so an unchanged answer keeps its ETag.
        var updatedAt = page.Count > 0 ? page[^1].At
            : await db.Changes.AsNoTracking().Where(c => c.Seq <= query.Since).OrderByDescending(c => c.Seq).Select(c => (DateTimeOffset?)c.At).FirstOrDefaultAsync(cancellationToken)
              ?? DateTimeOffset.UnixEpoch;
        return new PublicChangesPage(
            [.. page.Select(r => new PublicChange(r.Kind, r.EntityId, r.LeagueId, r.Change, r.At))],
            PublicQueryRules.Token(next),
            rows.Count > limit,
            updatedAt);
    }
}

/// <summary>Removes changes older than the retention window and remembers how far it went, so an older token is told so.</summary>
internal sealed record PruneChangeFeed(TimeSpan Retention) : Mediator.ICommand<long>;

internal sealed class PruneChangeFeedHandler(PublicSiteDbContext db, Caching.CacheEviction cache, TimeProvider time) : Mediator.ICommandHandler<PruneChangeFeed, long>
{
    public async ValueTask<long> Handle(PruneChangeFeed command, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - command.Retention;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var through = await db.Changes.Where(c => c.At < before).MaxAsync(c => (long?)c.Seq, cancellationToken);
        if (through is null)
        {
            return 0;
        }

        var removed = await db.Changes.Where(c => c.Seq <= through).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO public_site.feed_state (id, pruned_through) VALUES ({FeedState.SingleId}, {through}) ON CONFLICT (id) DO UPDATE SET pruned_through = greatest(public_site.feed_state.pruned_through, excluded.pruned_through)",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictAsync([Changes.ChangeRecorder.ChangesTag], cancellationToken);
        return removed;
    }
}
