using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>A venue's games of every published league (its calendar feed); null for an unknown venue.</summary>
internal sealed class GetPublicVenueScheduleHandler(LeaguesDbContext db) : IQueryHandler<GetPublicVenueSchedule, PublicVenueSchedule?>
{
    public async ValueTask<PublicVenueSchedule?> Handle(GetPublicVenueSchedule query, CancellationToken cancellationToken)
    {
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == query.VenueId, cancellationToken);
        if (venue is null)
        {
            return null;
        }

        var city = await db.Cities.AsNoTracking().SingleAsync(c => c.Id == venue.CityId, cancellationToken);
        var zone = Zones.Find(city.TimeZone);
        var published = PublicLeagues.Published(db).Select(l => l.Id);
        var games = await db.Games.AsNoTracking().Where(g => g.VenueId == venue.Id && published.Contains(g.LeagueId)).ToListAsync(cancellationToken);
        var shown = await PublicGameRows.ToPublicAsync(db, games, _ => zone, cancellationToken);
        return new PublicVenueSchedule(
            new PublicVenue(venue.Id, venue.Name, venue.Address, venue.Fields),
            new PublicCityRef(city.Id, await CitySlugs.OfAsync(db, city, cancellationToken), city.Name),
            city.TimeZone,
            shown,
            PublicLeagues.Latest(venue.UpdatedAt, games.Select(g => g.UpdatedAt)));
    }
}
