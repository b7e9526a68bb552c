using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players.Import;

/// <summary>Every player of a league's teams in the caller's scope, in one query: an import's preview compares a whole file with it.</summary>
internal sealed class ListLeagueRostersHandler(TeamsDbContext db, CurrentScope current) : IQueryHandler<ListLeagueRosters, IReadOnlyList<PlayerDto>>
{
    public async ValueTask<IReadOnlyList<PlayerDto>> Handle(ListLeagueRosters query, CancellationToken cancellationToken)
    {
        var rows = await db.Players.AsNoTracking()
            .Join(db.Teams.AsNoTracking().InScope(current.Scope).Where(t => t.LeagueId == query.LeagueId), p => p.TeamId, t => t.Id, (p, t) => new { Player = p, t.CityId })
            .OrderBy(r => r.Player.TeamId).ThenBy(r => r.Player.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.Player.ToDto(r.CityId))];
    }
}
