using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Shared.Persistence;

/// <summary>
/// Measures how old the replica's data is, in time rather than bytes: every check it notes the primary's WAL position
/// with the time, then asks the replica how far it has replayed. Everything committed on the primary before the newest
/// noted position the replica has replayed is on the replica, so its staleness is the age of that note. An idle
/// primary does not make a replica look stale, and a replica that stopped replaying ages by the clock.
/// A server that is not in recovery (not a streaming replica) or cannot be reached counts as unknown: reads stay on
/// the primary.
/// </summary>
internal sealed partial class ReplicaLagMonitor(
    NpgsqlDataSource primary,
    ReadReplica replica,
    TimeProvider time,
    ILogger<ReplicaLagMonitor> logger) : BackgroundService
{
    private readonly Queue<(long At, NpgsqlLogSequenceNumber Lsn)> notes = new();
    private bool reportedUnusable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(replica.Options.CheckInterval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // an unreachable server only means: read the primary until it answers again
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Unusable(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task CheckAsync(CancellationToken ct)
    {
        var notedAt = time.GetTimestamp();
        await using (var command = primary.CreateCommand("SELECT pg_current_wal_lsn()"))
        {
            notes.Enqueue((notedAt, (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!));
        }

        // Notes older than twice the bound are never needed: a replica that far behind is stale either way.
        var keep = (long)(replica.Options.MaxStaleness.TotalSeconds * 2 * time.TimestampFrequency);
        while (notes.Count > 1 && notedAt - notes.Peek().At > keep)
        {
            notes.Dequeue();
        }

        NpgsqlLogSequenceNumber? replayed;
        await using (var command = replica.DataSource.CreateCommand("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() END"))
        {
            replayed = await command.ExecuteScalarAsync(ct) is NpgsqlLogSequenceNumber lsn ? lsn : null;
        }

        if (replayed is null)
        {
            Unusable("the server is not a streaming replica (pg_is_in_recovery() is false)");
            return;
        }

        var newestReplayed = notes.Where(n => n.Lsn <= replayed.Value).Select(n => (long?)n.At).Max();
        var staleness = newestReplayed is { } at ? time.GetElapsedTime(at) : TimeSpan.MaxValue;
        replica.Measured(staleness);
        if (reportedUnusable && replica.IsFresh)
        {
            reportedUnusable = false;
            LogUsable(logger, staleness.TotalMilliseconds);
        }
    }

    private void Unusable(string reason)
    {
        replica.Measured(TimeSpan.MaxValue);
        if (!reportedUnusable)
        {
            reportedUnusable = true;
            LogUnusable(logger, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica is not used (reads go to the primary): {Reason}")]
    private static partial void LogUnusable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The read replica is used again ({StalenessMs} ms behind)")]
    private static partial void LogUsable(ILogger logger, double stalenessMs);
}
