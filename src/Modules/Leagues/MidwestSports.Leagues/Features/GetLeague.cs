using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class GetLeagueHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(GetLeague query, CancellationToken cancellationToken) =>
        await LeagueRows.InScope(db, current.Scope)
            .Where(r => r.League.Id == query.LeagueId)
            .Select(r => LeagueRows.ToDto(r.League, r.CityName))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("League", query.LeagueId);
}
