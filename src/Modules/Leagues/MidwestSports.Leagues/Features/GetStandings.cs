using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class GetStandingsHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetStandings, StandingsDto>
{
    public async ValueTask<StandingsDto> Handle(GetStandings query, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == query.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", query.LeagueId);
        var table = await LeagueStandings.ComputeAsync(db, league, cancellationToken);
        return new StandingsDto(
            league.Id,
            league.Name,
            SeasonSetup.ToDto(table.Rules),
            league.DifferentialCap,
            [.. table.Rows.Select(r => new StandingsRowDto(
                r.Position, r.TeamId, r.Name, r.Played, r.Won, r.Lost, r.Tied, r.Forfeits, r.WinPercentage, r.PointsFor, r.PointsAgainst, r.Differential,
                r.CappedDifferential, r.AboveNextBecause))]);
    }
}
