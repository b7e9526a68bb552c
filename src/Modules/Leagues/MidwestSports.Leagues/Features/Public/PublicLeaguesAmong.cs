using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

internal sealed class PublicLeaguesAmongHandler(LeaguesDbContext db) : IQueryHandler<PublicLeaguesAmong, IReadOnlySet<Guid>>
{
    public async ValueTask<IReadOnlySet<Guid>> Handle(PublicLeaguesAmong query, CancellationToken cancellationToken)
    {
        if (query.LeagueIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = query.LeagueIds.Distinct().ToList();
        var published = await PublicLeagues.Published(db).Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        return published.ToHashSet();
    }
}
