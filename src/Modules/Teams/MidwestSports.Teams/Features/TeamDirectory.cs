using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features;

/// <summary>Answers other modules' synchronous questions about teams. Unscoped: callers apply their own scope.</summary>
internal sealed class TeamDirectory(TeamsDbContext db) : ITeamDirectory
{
    public async Task<IReadOnlyList<TeamFacts>> TeamsOfLeagueAsync(Guid leagueId, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking()
            .Where(t => t.LeagueId == leagueId)
            .OrderBy(t => t.Id)
            .Select(t => new TeamFacts(t.Id, t.LeagueId, t.CityId, t.Name, t.Status, t.Version))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TeamDto>> DetailsOfLeagueAsync(Guid leagueId, CancellationToken cancellationToken) =>
        [.. (await db.Teams.AsNoTracking().Where(t => t.LeagueId == leagueId).OrderBy(t => t.Id).ToListAsync(cancellationToken)).Select(t => t.ToDto())];

    public async Task<IReadOnlyList<TeamFacts>> AllAsync(CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking()
            .OrderBy(t => t.Id)
            .Select(t => new TeamFacts(t.Id, t.LeagueId, t.CityId, t.Name, t.Status, t.Version))
            .ToListAsync(cancellationToken);
}
