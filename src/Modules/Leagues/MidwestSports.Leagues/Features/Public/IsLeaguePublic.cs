using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

internal sealed class IsLeaguePublicHandler(LeaguesDbContext db) : IQueryHandler<IsLeaguePublic, bool>
{
    public async ValueTask<bool> Handle(IsLeaguePublic query, CancellationToken cancellationToken) =>
        await PublicLeagues.Published(db).AnyAsync(l => l.Id == query.LeagueId, cancellationToken);
}
