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
        var ids = teams.Select(t => t.TeamId).ToArray();
        var leagues = teams.Select(t => t.LeagueId).ToArray();
        var cities = teams.Select(t => t.CityId).ToArray();
        var names = teams.Select(t => t.Name).ToArray();
        var active = teams.Select(t => t.Status == TeamStatus.Active).ToArray();
        var deleted = teams.Select(t => t.Deleted).ToArray();
        var versions = teams.Select(t => t.Version).ToArray();
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
        var ids = facts.Select(f => f.TeamId).ToArray();
        var leagues = facts.Select(f => f.LeagueId).ToArray();
        var cities = facts.Select(f => f.CityId).ToArray();
        var names = facts.Select(f => f.Name).ToArray();
        var active = facts.Select(f => f.Status == TeamStatus.Active).ToArray();
        var versions = facts.Select(f => f.Version).ToArray();
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
}
