using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class GetGameHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetGame, GameDto>
{
    public async ValueTask<GameDto> Handle(GetGame query, CancellationToken cancellationToken)
    {
        var game = await db.Games.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(g => g.Id == query.GameId, cancellationToken)
            ?? throw new NotFoundException("Game", query.GameId);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}
