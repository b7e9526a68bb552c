using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Brackets;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class GetBracketHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetBracket, BracketDto>
{
    public async ValueTask<BracketDto> Handle(GetBracket query, CancellationToken cancellationToken)
    {
        if (!await db.Leagues.InScope(current.Scope).AnyAsync(l => l.Id == query.LeagueId, cancellationToken))
        {
            throw new NotFoundException("League", query.LeagueId);
        }

        return await Playoffs.LoadAsync(db, query.LeagueId, cancellationToken);
    }
}
