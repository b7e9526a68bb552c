using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

internal static class TeamReplica
{
    /// <summary>Inserts or moves the replica forward; an older version never overwrites a newer one.</summary>
    /// <returns>1 when the replica changed, 0 for an older (or repeated) version.</returns>
    public static Task<int> UpsertAsync(LeaguesDbContext db, TeamFacts t, bool deleted, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO leagues.league_teams (team_id, league_id, city_id, name, active, deleted, version, updated_at)
            VALUES ({t.TeamId}, {t.LeagueId}, {t.CityId}, {t.Name}, {t.Status == TeamStatus.Active}, {deleted}, {t.Version}, {now})
            ON CONFLICT (team_id) DO UPDATE SET league_id = excluded.league_id, city_id = excluded.city_id, name = excluded.name,
                active = excluded.active, deleted = excluded.deleted, version = excluded.version, updated_at = excluded.updated_at
            WHERE leagues.league_teams.version < excluded.version
            """,
            ct);

    /// <summary>
    /// <see cref="UpsertAsync"/> for many teams in one statement (the latest version of each, should one repeat), with
    /// the same rule: an older version never overwrites a newer one.
    /// </summary>
    /// <returns>The leagues whose replica rows changed.</returns>
    public static async Task<IReadOnlyList<Guid>> UpsertManyAsync(LeaguesDbContext db, IReadOnlyList<TeamChanged> teams, DateTimeOffset now, CancellationToken ct)
    {
        var (ids, leagues, cities, names, active, versions) = Columns.Of(teams.Select(t => new TeamFacts(t.TeamId, t.LeagueId, t.CityId, t.Name, t.Status, t.Version)).ToList());
        var deleted = teams.Select(t => t.Deleted).ToArray();
        return await db.Database.SqlQuery<Guid>(
            $"""
            WITH changed AS (
                INSERT INTO leagues.league_teams (team_id, league_id, city_id, name, active, deleted, version, updated_at)
                SELECT DISTINCT ON (t.id) t.id, t.league_id, t.city_id, t.name, t.active, t.deleted, t.version, {now}
                FROM unnest({ids}, {leagues}, {cities}, {names}, {active}, {deleted}, {versions}) AS t(id, league_id, city_id, name, active, deleted, version)
                ORDER BY t.id, t.version DESC
                ON CONFLICT (team_id) DO UPDATE SET league_id = excluded.league_id, city_id = excluded.city_id, name = excluded.name,
                    active = excluded.active, deleted = excluded.deleted, version = excluded.version, updated_at = excluded.updated_at
                WHERE leagues.league_teams.version < excluded.version
                RETURNING league_id)
            SELECT DISTINCT league_id AS "Value" FROM changed
            """).ToListAsync(ct);
    }

    /// <summary>Makes the replica equal to the given facts (for one league, or all), in one set-based pass; returns rows changed.</summary>
    public static async Task<int> SyncAsync(LeaguesDbContext db, IReadOnlyList<TeamFacts> facts, Guid? leagueId, CancellationToken ct)
    {
        var (ids, leagues, cities, names, active, versions) = Columns.Of(facts);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO leagues.league_teams (team_id, league_id, city_id, name, active, deleted, version, updated_at)
            SELECT t.id, t.league_id, t.city_id, t.name, t.active, false, t.version, now()
            FROM unnest({ids}, {leagues}, {cities}, {names}, {active}, {versions}) AS t(id, league_id, city_id, name, active, version)
            ON CONFLICT (team_id) DO UPDATE SET league_id = excluded.league_id, city_id = excluded.city_id, name = excluded.name,
                active = excluded.active, deleted = false, version = excluded.version, updated_at = now()
            WHERE (leagues.league_teams.league_id, leagues.league_teams.city_id, leagues.league_teams.name, leagues.league_teams.active, leagues.league_teams.deleted, leagues.league_teams.version)
                IS DISTINCT FROM (excluded.league_id, excluded.city_id, excluded.name, excluded.active, false, excluded.version)
              -- Never older than an event already applied, and never bringing back a team whose deletion arrived.
              AND (leagues.league_teams.version < excluded.version OR (leagues.league_teams.version = excluded.version AND NOT leagues.league_teams.deleted))
            """,
            ct);
        // Teams that no longer exist stay as names for the games they played, marked deleted.
        changed += await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE leagues.league_teams SET deleted = true, updated_at = now()
            WHERE NOT deleted AND ({leagueId}::uuid IS NULL OR league_id = {leagueId}) AND team_id <> ALL({ids})
            """,
            ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>The replica's columns as arrays, for <c>unnest</c>: one row per team, in the given order.</summary>
    private sealed record Columns(Guid[] Ids, Guid[] Leagues, Guid[] Cities, string[] Names, bool[] Active, long[] Versions)
    {
        public static Columns Of(IReadOnlyList<TeamFacts> teams) => new(
            [.. teams.Select(t => t.TeamId)],
            [.. teams.Select(t => t.LeagueId)],
            [.. teams.Select(t => t.CityId)],
            [.. teams.Select(t => t.Name)],
            [.. teams.Select(t => t.Status == TeamStatus.Active)],
            [.. teams.Select(t => t.Version)]);
    }
}
