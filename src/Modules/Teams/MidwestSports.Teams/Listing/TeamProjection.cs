using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Computes listing rows from the teams table and the local replicas. The one SELECT both the per-team update and
/// the rebuild use, so they cannot disagree.
/// </summary>
internal static class TeamProjection
{
    public const string SourceColumns =
        "team_id, name, league_id, league_name, city_id, city_name, sport, season, season_sort, sponsor_id, sponsor_name, captain_name, created_at, status, league_version, city_version, sponsor_version";

    public const string SourceSelect = """
        SELECT t.id AS team_id, t.name, t.league_id, coalesce(l.name, '') AS league_name, t.city_id, coalesce(c.name, '') AS city_name,
               coalesce(l.sport, '') AS sport, coalesce(l.season, '') AS season, coalesce(l.season_sort, 0) AS season_sort,
               t.sponsor_id, s.name AS sponsor_name, t.captain_name, t.created_at, t.status,
               coalesce(l.version, 0) AS league_version, coalesce(c.version, 0) AS city_version, coalesce(s.version, 0) AS sponsor_version
        FROM teams.teams t
        LEFT JOIN teams.league_names l ON l.league_id = t.league_id
        LEFT JOIN teams.city_names c ON c.city_id = t.city_id
        LEFT JOIN teams.sponsor_names s ON s.sponsor_id = t.sponsor_id
        """;

    /// <summary>
    /// A condition true when the listing row <paramref name="live"/> differs from the computed row <paramref name="fresh"/>
    /// in any computed column (the generated sort keys follow from them).
    /// </summary>
    public static string Differs(string live, string fresh)
    {
        var compared = SourceColumns.Split(", ").Where(c => c != "team_id").ToList();
        return $"({string.Join(", ", compared.Select(c => $"{live}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => $"{fresh}.{c}"))})";
    }

    /// <summary>What an upsert of computed rows into the listing does with a row that is already there: takes every computed column.</summary>
    public const string OnConflictUpdate = """
        ON CONFLICT (team_id) DO UPDATE SET name = excluded.name, league_id = excluded.league_id, league_name = excluded.league_name,
            city_id = excluded.city_id, city_name = excluded.city_name, sport = excluded.sport, season = excluded.season,
            season_sort = excluded.season_sort, sponsor_id = excluded.sponsor_id, sponsor_name = excluded.sponsor_name,
            captain_name = excluded.captain_name, created_at = excluded.created_at, status = excluded.status, league_version = excluded.league_version,
            city_version = excluded.city_version, sponsor_version = excluded.sponsor_version
        """;

    private const string Upsert = $$"""
        INSERT INTO teams.team_listing ({{SourceColumns}})
        {{SourceSelect}}
        WHERE t.id = {0}
        {{OnConflictUpdate}}
        """;

    private static readonly string UpsertMany = Upsert.Replace("WHERE t.id = {0}", "WHERE t.id = ANY({0})", StringComparison.Ordinal);

    /// <summary>
    /// Re-projects one team inside the caller's transaction. The replica rows are read FOR SHARE first: an event
    /// updating them either commits before (and this reads its values) or waits for this commit (and then updates
    /// this row too), so a rename racing a team edit is never lost.
    /// </summary>
    public static async Task ProjectAsync(TeamsDbContext db, Guid teamId, Guid leagueId, Guid cityId, Guid? sponsorId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.league_names WHERE league_id = {leagueId} FOR SHARE", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.city_names WHERE city_id = {cityId} FOR SHARE", ct);
        if (sponsorId is { } sponsor)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.sponsor_names WHERE sponsor_id = {sponsor} FOR SHARE", ct);
        }

#pragma warning disable EF1002 // the SQL is constant; the team id is a parameter
        await db.Database.ExecuteSqlRawAsync(Upsert, [teamId], ct);
#pragma warning restore EF1002
    }

    /// <summary>
    /// Re-projects many teams at once (an import): the replicas they use are read FOR SHARE first, as for one team, then
    /// one upsert per chunk of ids.
    /// </summary>
    public static async Task ProjectManyAsync(TeamsDbContext db, Guid[] teamIds, CancellationToken ct)
    {
        foreach (var chunk in teamIds.Chunk(5_000))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.league_names WHERE league_id IN (SELECT league_id FROM teams.teams WHERE id = ANY({chunk})) FOR SHARE", ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.city_names WHERE city_id IN (SELECT city_id FROM teams.teams WHERE id = ANY({chunk})) FOR SHARE", ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM teams.sponsor_names WHERE sponsor_id IN (SELECT sponsor_id FROM teams.teams WHERE id = ANY({chunk})) FOR SHARE", ct);
#pragma warning disable EF1002 // the SQL is constant; the ids are a parameter
            await db.Database.ExecuteSqlRawAsync(UpsertMany, [chunk], ct);
#pragma warning restore EF1002
        }
    }

    public static async Task RemoveManyAsync(TeamsDbContext db, Guid[] teamIds, CancellationToken ct)
    {
        foreach (var chunk in teamIds.Chunk(5_000))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM teams.team_listing WHERE team_id = ANY({chunk})", ct);
        }
    }

    public static Task RemoveAsync(TeamsDbContext db, Guid teamId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM teams.team_listing WHERE team_id = {teamId}", ct);
}
