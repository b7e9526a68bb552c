using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>Every city, by name: the public site's city picker.</summary>
internal sealed class ListPublicCitiesHandler(LeaguesDbContext db) : IQueryHandler<ListPublicCities, IReadOnlyList<PublicCity>>
{
    public async ValueTask<IReadOnlyList<PublicCity>> Handle(ListPublicCities query, CancellationToken cancellationToken)
    {
        var cities = await db.Cities.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var slugs = CitySlugs.Assign(cities);
        return [.. cities.Select(c => CitySlugs.ToPublic(c, slugs[c.Id]))];
    }
}
