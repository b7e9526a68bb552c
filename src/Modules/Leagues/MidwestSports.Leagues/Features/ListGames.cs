using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class ListGamesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListGames, IReadOnlyList<GameDto>>
{
    public async ValueTask<IReadOnlyList<GameDto>> Handle(ListGames query, CancellationToken cancellationToken)
    {
        if (!await db.Leagues.InScope(current.Scope).AnyAsync(l => l.Id == query.LeagueId, cancellationToken))
        {
            throw new NotFoundException("League", query.LeagueId);
        }

        var games = db.Games.AsNoTracking().Where(g => g.LeagueId == query.LeagueId);
        if (query.TeamId is { } teamId)
        {
            games = games.Where(g => g.HomeTeamId == teamId || g.AwayTeamId == teamId);
        }

        return await GameRows.ToDtosAsync(db, await games.ToListAsync(cancellationToken), cancellationToken);
    }
}
