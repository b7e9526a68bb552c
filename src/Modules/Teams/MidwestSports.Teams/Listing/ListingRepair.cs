using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// The rebuild's in-place path: inside the rebuild's transaction (writers already wait), every computed row that is
/// missing from the listing or differs from it, and every listing row whose team is gone, is collected into temporary
/// tables without building anything; when there are few enough of them they are applied to the live listing as one
/// delete and one upsert. Readers keep reading the live rows (MVCC) and see the repair when it commits; no index is
/// rebuilt and no lock beyond the rows touched is taken. A large drift is left to the shadow swap (<see cref="ListingSwap"/>),
/// which is cheaper than touching most rows and their fifteen index entries one by one.
/// </summary>
internal static class ListingRepair
{
    private const string Fresh = "listing_fresh";

    private const string Gone = "listing_gone";

    /// <summary>
    /// Collects the drift, stopping as soon as it exceeds <paramref name="limit"/> rows. Returns its counts, or null when
    /// it is larger than the limit (nothing is then kept).
    /// </summary>
    public static async Task<(long Added, long Changed, long Removed)?> FindAsync(NpgsqlConnection connection, long limit, CancellationToken ct)
    {
        // The LIMIT makes the planner prefer a merge join walking both primary keys, a random read of every row of both
        // tables (13 s at 1M rows); a hash join of two sequential scans reads them once (4 s). Merge joins are turned
        // off for these two statements only, and the setting is given back as it was.
        var mergeJoin = await RebuildSql.TextAsync(connection, "SELECT current_setting('enable_mergejoin')", ct);
        await RebuildSql.ExecAsync(connection, $"""
            SET LOCAL enable_mergejoin = off;
            CREATE TEMP TABLE {Fresh} ON COMMIT DROP AS
            SELECT f.*, l.team_id IS NULL AS added
            FROM ({TeamProjection.SourceSelect}) f
            LEFT JOIN teams.team_listing l ON l.team_id = f.team_id
            WHERE l.team_id IS NULL OR {TeamProjection.Differs("l", "f")}
            LIMIT {limit + 1};
            CREATE TEMP TABLE {Gone} ON COMMIT DROP AS
            SELECT l.team_id FROM teams.team_listing l
            WHERE NOT EXISTS (SELECT 1 FROM teams.teams t WHERE t.id = l.team_id)
            LIMIT {limit + 1};
            """, ct);
        await using (var restore = new NpgsqlCommand("SELECT set_config('enable_mergejoin', $1, true)", connection))
        {
            restore.Parameters.AddWithValue(mergeJoin);
            await restore.ExecuteScalarAsync(ct);
        }

        var counts = await RebuildSql.CountsAsync(connection,
            $"SELECT (SELECT count(*) FILTER (WHERE added) FROM {Fresh}), (SELECT count(*) FILTER (WHERE NOT added) FROM {Fresh}), (SELECT count(*) FROM {Gone})", ct);
        var (added, changed, removed) = (counts[0], counts[1], counts[2]);
        if (added + changed + removed <= limit)
        {
            return (added, changed, removed);
        }

        await RebuildSql.ExecAsync(connection, $"DROP TABLE {Fresh}, {Gone}", ct);
        return null;
    }

    /// <summary>Applies what <see cref="FindAsync"/> collected to the live listing.</summary>
    public static Task ApplyAsync(NpgsqlConnection connection, CancellationToken ct) =>
        RebuildSql.ExecAsync(connection, $"""
            DELETE FROM teams.team_listing l USING {Gone} g WHERE l.team_id = g.team_id;
            INSERT INTO teams.team_listing ({TeamProjection.SourceColumns})
            SELECT {TeamProjection.SourceColumns} FROM {Fresh}
            {TeamProjection.OnConflictUpdate};
            """, ct);
}
