using System.Diagnostics;
using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A full rebuild of the listing into a shadow table, swapped in by renaming. Inside the rebuild's transaction:
/// the shadow gets the listing's columns (generated keys included) but no index, so every row is loaded in one
/// pass; then each of the listing's indexes is built once on it, from the listing's own definitions; then the swap
/// drops the live table and renames the shadow and its indexes to the live names. Readers keep reading the live
/// table until the swap, which needs an ACCESS EXCLUSIVE lock for a few milliseconds: it is asked for with a short
/// lock timeout and retried, so a reader is never held for long behind it, and a long reader delays the rebuild
/// instead of everyone else.
/// </summary>
internal static class ListingSwap
{
    public const string Shadow = "teams.team_listing_shadow";

    private const string ShadowName = "team_listing_shadow";

    private const string PrimaryKey = "pk_team_listing";

    /// <summary>How long a reader can wait behind one attempt at the swap's lock.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(250);

    private const int Attempts = 40;

    public static async Task<long> LoadShadowAsync(NpgsqlConnection connection, string columns, string select, CancellationToken ct)
    {
        await RebuildSql.ExecAsync(connection, $"""
            DROP TABLE IF EXISTS {Shadow};
            CREATE TABLE {Shadow} (LIKE teams.team_listing INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE);
            """, ct);
        return await RebuildSql.ExecAsync(connection, $"INSERT INTO {Shadow} ({columns}) {select}", ct);
    }

    /// <summary>Every index of the live listing, built on the shadow under a shadow name (the live names are taken until the swap).</summary>
    public static async Task BuildIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var (name, definition) in await LiveIndexesAsync(connection, ct))
        {
            var on = $"INDEX {name} ON teams.team_listing ";
            if (!definition.Contains(on, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Unexpected index definition: {definition}");
            }

            await RebuildSql.ExecAsync(connection, definition.Replace(on, $"INDEX {ShadowIndex(name)} ON {Shadow} ", StringComparison.Ordinal), ct);
        }

        await RebuildSql.ExecAsync(connection, $"ANALYZE {Shadow}", ct);
    }

    /// <summary>Swaps the shadow in; returns how long it waited for the lock (milliseconds).</summary>
    public static async Task<long> SwapAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = await LiveIndexesAsync(connection, ct);
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            await RebuildSql.ExecAsync(connection, $"SAVEPOINT swap; SET LOCAL lock_timeout = '{(int)LockTimeout.TotalMilliseconds}ms'", ct);
            try
            {
                await RebuildSql.ExecAsync(connection, "LOCK TABLE teams.team_listing IN ACCESS EXCLUSIVE MODE", ct);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < Attempts)
            {
                await RebuildSql.ExecAsync(connection, "ROLLBACK TO SAVEPOINT swap", ct);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * Math.Min(attempt, 10)), ct);
            }
        }

        var waited = clock.ElapsedMilliseconds;
        var renames = string.Concat(indexes.Where(i => i.Name != PrimaryKey).Select(i => $"ALTER INDEX teams.{ShadowIndex(i.Name)} RENAME TO {i.Name};"));
        await RebuildSql.ExecAsync(connection, $"""
            SET LOCAL lock_timeout = 0;
            RELEASE SAVEPOINT swap;
            DROP TABLE teams.team_listing;
            ALTER TABLE {Shadow} RENAME TO team_listing;
            {renames}
            ALTER TABLE teams.team_listing ADD CONSTRAINT {PrimaryKey} PRIMARY KEY USING INDEX {ShadowIndex(PrimaryKey)};
            """, ct);
        return waited;
    }

    private static string ShadowIndex(string name) => name + "_shadow";

    private static async Task<List<(string Name, string Definition)>> LiveIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string, string)>();
        await using var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'teams' AND tablename = 'team_listing' ORDER BY indexname", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}
