using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>A city's published leagues (newest season first, then by night and name), optionally of one season and one sport.</summary>
internal sealed class ListPublicLeaguesHandler(LeaguesDbContext db) : IQueryHandler<ListPublicLeagues, PublicCityLeagues?>
{
    public async ValueTask<PublicCityLeagues?> Handle(ListPublicLeagues query, CancellationToken cancellationToken)
    {
        var cities = await db.Cities.AsNoTracking().ToListAsync(cancellationToken);
        var slugs = CitySlugs.Assign(cities);
        var city = cities.SingleOrDefault(c => string.Equals(slugs[c.Id], query.CitySlug, StringComparison.OrdinalIgnoreCase));
        if (city is null)
        {
            return null;
        }

        var leagues = PublicLeagues.Published(db).Where(l => l.CityId == city.Id);
        if (query.SeasonYear is { } year)
        {
            leagues = leagues.Where(l => l.SeasonYear == year);
        }

        if (query.Term is { } term)
        {
            leagues = leagues.Where(l => l.Term == term);
        }

        if (!string.IsNullOrWhiteSpace(query.Sport))
        {
            var sport = query.Sport.Trim().ToLower();
            leagues = leagues.Where(l => l.Sport.ToLower() == sport);
        }

        var list = await leagues.OrderByDescending(l => l.SeasonYear).ThenByDescending(l => l.Term).ThenBy(l => l.Night).ThenBy(l => l.Name).ToListAsync(cancellationToken);
        return new PublicCityLeagues(
            CitySlugs.ToPublic(city, slugs[city.Id]),
            [.. list.Select(PublicLeagues.Summary)],
            PublicLeagues.Latest(city.UpdatedAt, list.Select(l => l.UpdatedAt)));
    }
}
