using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class GetSeasonSetupHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetSeasonSetup, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(GetSeasonSetup query, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == query.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", query.LeagueId);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}
