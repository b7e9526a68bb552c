using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Domain;

namespace MidwestSports.Teams.Persistence;

/// <summary>
/// Moves a team and its roster into <c>teams.deleted_teams</c> and back out. Plain SQL on purpose: the copy is
/// bookkeeping for an undo, not a change an admin made, so it stays out of the audit log (the team's own Deleted and
/// Created entries are the record).
/// </summary>
internal static class TeamArchive
{
    /// <summary>Keeps the team and its roster, inside the caller's transaction, before the delete cascades the roster away.</summary>
    public static async Task KeepAsync(TeamsDbContext db, Team team, DateTimeOffset deletedAt, CancellationToken ct)
    {
        var roster = await db.Players.AsNoTracking().Where(p => p.TeamId == team.Id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var players = DeletedTeam.ToJson(roster.Select(p => p.ToDto(team.CityId)));
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO teams.deleted_teams (team_id, city_id, deleted_at, team, players)
            VALUES ({team.Id}, {team.CityId}, {deletedAt}, {DeletedTeam.ToJson(team.ToDto())}::jsonb, {players}::jsonb)
            """,
            ct);
    }

    /// <summary>Takes the archived team out, inside the restore's transaction; 0 when a concurrent restore took it first.</summary>
    public static Task<int> TakeAsync(TeamsDbContext db, Guid teamId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM teams.deleted_teams WHERE team_id = {teamId}", ct);
}
