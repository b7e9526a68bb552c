using Microsoft.EntityFrameworkCore;

namespace MidwestSports.Teams.Persistence;

/// <summary>
/// Moves a team and its roster into <c>teams.deleted_teams</c> and back out. Plain SQL on purpose: the copy is
/// bookkeeping for an undo, not a change an admin made, so it stays out of the audit log (the team's own Deleted and
/// Created entries are the record).
/// </summary>
internal static class TeamArchive
{
    /// <summary>Copies the team and its roster, inside the caller's transaction, before the delete cascades the roster away.</summary>
    public static Task KeepAsync(TeamsDbContext db, Guid teamId, DateTimeOffset deletedAt, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO teams.deleted_teams (team_id, league_id, city_id, name, sponsor_id, captain_name, captain_email, captain_phone,
                                             roster_size, status, version, created_at, deleted_at, players)
            SELECT t.id, t.league_id, t.city_id, t.name, t.sponsor_id, t.captain_name, t.captain_email, t.captain_phone,
                   t.roster_size, t.status, t.version, t.created_at, {deletedAt},
                   coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'email', p.email, 'phone', p.phone,
                                                                 'isCaptain', p.is_captain, 'version', p.version, 'createdAt', p.created_at)
                                              ORDER BY p.created_at, p.id)
                             FROM teams.players p WHERE p.team_id = t.id), '[]'::jsonb)
            FROM teams.teams t
            WHERE t.id = {teamId}
            """,
            ct);

    /// <summary>Takes the archived team out, inside the restore's transaction; 0 when a concurrent restore took it first.</summary>
    public static Task<int> TakeAsync(TeamsDbContext db, Guid teamId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM teams.deleted_teams WHERE team_id = {teamId}", ct);
}
