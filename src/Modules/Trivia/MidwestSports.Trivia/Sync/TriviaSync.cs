using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Telemetry;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Partner;
using MidwestSports.Trivia.Persistence;
using Npgsql;

namespace MidwestSports.Trivia.Sync;

/// <summary>
/// One run of the partner sync: pages through the feed from the last success minus the look-back window, archives
/// every page as received, validates every night, and applies them all in one transaction (a failed run changes
/// no data: it records why). One run at a time across every host: a PostgreSQL advisory lock held for the run.
/// </summary>
internal sealed partial class TriviaSync(
    TriviaDbContext db,
    ITriviaPartnerFeed feed,
    NightApplier applier,
    IVenueDirectory venues,
    ILeagueDirectory leagues,
    ITeamDirectory teams,
    NpgsqlDataSource dataSource,
    IOptions<TriviaSyncOptions> options,
    TimeProvider time,
    ILogger<TriviaSync> logger)
{
    /// <summary>The advisory lock key of the sync (any constant shared by all hosts).</summary>
    internal const long LockKey = 0x54524956_49410001; // "TRIVIA" 1

    public async Task<SyncRun> CreateRunAsync(SyncTrigger trigger, string? startedBy, CancellationToken ct)
    {
        var run = new SyncRun { Id = Guid.CreateVersion7(time.GetUtcNow()), Trigger = trigger, Status = SyncRunStatus.Running, StartedAt = time.GetUtcNow(), StartedBy = startedBy };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Runs <paramref name="runId"/> to its end (Succeeded or Failed). False when another run holds the lock: this one is marked failed, saying so.</summary>
    public async Task<bool> ExecuteAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(lockConnection, ct))
        {
            await FinishAsync(run, SyncRunStatus.Failed, "Another trivia sync was running; this one did not start.", ct);
            return false;
        }

        try
        {
            await FailInterruptedRunsAsync(run.Id, ct);
            var lastSuccess = await db.Runs.Where(r => r.Status == SyncRunStatus.Succeeded).MaxAsync(r => (DateTimeOffset?)r.StartedAt, ct);
            run.UpdatedSince = (lastSuccess ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).AddDays(-options.Value.LookbackDays);
            await db.SaveChangesAsync(ct);

            var events = await FetchAllAsync(run, ct);
            var nights = new List<ValidatedNight>();
            foreach (var e in events)
            {
                if (NightValidation.Validate(e) is { } night)
                {
                    nights.Add(night);
                }
                else
                {
                    run.NightsHeld++;
                }
            }

            var candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counts = await applier.ApplyAsync(feed.Name, nights, candidates, ct);
            run.ResultsCreated = counts.Created;
            run.ResultsUpdated = counts.Updated;
            run.ResultsUnchanged = counts.Unchanged;
            run.ResultsVoided = counts.Voided;
            run.NightsHeld += counts.NightsHeld;
            var waiting = await db.Links.Where(l => l.Status == LinkStatus.Pending).GroupBy(l => new { l.Kind, l.CityId })
                .Select(g => new { g.Key.Kind, g.Key.CityId, Count = g.Count() }).ToListAsync(ct);
            run.UnmatchedTeams = waiting.Where(w => w.Kind == UnmatchedKind.Team).Sum(w => w.Count);
            run.UnmatchedVenues = waiting.Where(w => w.Kind == UnmatchedKind.Venue).Sum(w => w.Count);
            foreach (var w in waiting)
            {
                var city = counts.In(w.CityId);
                city.UnmatchedTeams += w.Kind == UnmatchedKind.Team ? w.Count : 0;
                city.UnmatchedVenues += w.Kind == UnmatchedKind.Venue ? w.Count : 0;
            }

            run.PerCity = counts.ByCity;
            StandingsNotices.Add(db, candidates, counts.TouchedTeams, time.GetUtcNow());
            run.Status = SyncRunStatus.Succeeded;
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            PlatformTelemetry.TriviaSyncFinished(PlatformTelemetry.Outcomes.Succeeded, run.FinishedAt.Value - run.StartedAt);
            LogSucceeded(logger, run.Id, run.EventsReceived, run.ResultsCreated, run.ResultsUpdated, run.ResultsUnchanged);
            return true;
        }
        catch (Exception ex) when (ex is PartnerFeedException or HttpRequestException && !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Runs.SingleAsync(r => r.Id == runId, CancellationToken.None);
            await FinishAsync(failed, SyncRunStatus.Failed, ex.Message, CancellationToken.None);
            LogFailed(logger, run.Id, ex.Message);
            return true;
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Runs.SingleAsync(r => r.Id == runId, CancellationToken.None);
            await FinishAsync(failed, SyncRunStatus.Failed, ct.IsCancellationRequested ? "The run was stopped (the app shut down)." : $"Unexpected error: {ex.Message}", CancellationToken.None);
            throw;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection) { Parameters = { new() { Value = LockKey } } };
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>Every page from the cursor chain, archived as received; the latest version of each event wins (duplicate pages are harmless).</summary>
    private async Task<IReadOnlyList<FeedEvent>> FetchAllAsync(SyncRun run, CancellationToken ct)
    {
        var byId = new Dictionary<string, FeedEvent>(StringComparer.Ordinal);
        var anonymous = new List<FeedEvent>();
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var number = 1; ; number++)
        {
            if (number > options.Value.MaxPages)
            {
                throw new PartnerFeedException($"The partner's feed did not end after {options.Value.MaxPages} pages.");
            }

            var fetched = await feed.FetchAsync(run.UpdatedSince, cursor, ct);
            // The archive is written as is, not through the change tracker: the audit log would copy every page's body.
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fetched.Body))).ToLowerInvariant();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO trivia.raw_pages (id, run_id, number, received_at, body, hash) VALUES ({Guid.CreateVersion7()}, {run.Id}, {number}, {time.GetUtcNow()}, {fetched.Body}, {hash})", ct);
            foreach (var e in fetched.Page.Events ?? [])
            {
                run.EventsReceived++;
                if (string.IsNullOrWhiteSpace(e?.EventId))
                {
                    anonymous.Add(e ?? new FeedEvent(null, null, null, null, null, null, null, null, null, null));
                }
                else if (!byId.TryGetValue(e.EventId, out var seen) || (e.LastModified ?? DateTimeOffset.MinValue) >= (seen.LastModified ?? DateTimeOffset.MinValue))
                {
                    byId[e.EventId] = e;
                }
            }

            await db.SaveChangesAsync(ct);
            cursor = fetched.Page.NextCursor;
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }

            if (!seenCursors.Add(cursor))
            {
                throw new PartnerFeedException($"The partner's feed repeated the cursor '{cursor}' (it would never end).");
            }
        }

        return [.. byId.Values, .. anonymous];
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Runs left "Running" by a host that died: the lock is ours, so nothing else runs them.</summary>
    private async Task FailInterruptedRunsAsync(Guid current, CancellationToken ct) =>
        await db.Runs.Where(r => r.Status == SyncRunStatus.Running && r.Id != current && r.StartedAt < time.GetUtcNow())
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncRunStatus.Failed).SetProperty(r => r.Error, "Interrupted (the host stopped during the run).")
                .SetProperty(r => r.FinishedAt, time.GetUtcNow()), ct);

    private async Task FinishAsync(SyncRun run, SyncRunStatus status, string? error, CancellationToken ct)
    {
        run.Status = status;
        run.Error = error is { Length: > 2000 } ? error[..2000] : error;
        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        PlatformTelemetry.TriviaSyncFinished(status == SyncRunStatus.Succeeded ? PlatformTelemetry.Outcomes.Succeeded : PlatformTelemetry.Outcomes.Failed, run.FinishedAt.Value - run.StartedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trivia sync {RunId} succeeded: {Events} events, {Created} created, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogSucceeded(ILogger logger, Guid runId, int events, int created, int updated, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trivia sync {RunId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid runId, string reason);
}

/// <summary>Tells other modules (the public site's caches) which trivia leagues' standings may have moved, through the outbox.</summary>
internal static class StandingsNotices
{
    public static void Add(TriviaDbContext db, MidwestCandidates candidates, IReadOnlySet<Guid> teams, DateTimeOffset now)
    {
        foreach (var league in candidates.Teams.Where(t => teams.Contains(t.TeamId)).Select(t => (t.LeagueId, t.CityId)).Distinct())
        {
            db.AddToOutbox(new TriviaStandingsChanged(Guid.CreateVersion7(now), league.LeagueId, league.CityId, now), now);
        }
    }
}
