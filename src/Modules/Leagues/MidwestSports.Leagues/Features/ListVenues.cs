using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class ListVenuesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListVenues, IReadOnlyList<VenueDto>>
{
    public async ValueTask<IReadOnlyList<VenueDto>> Handle(ListVenues query, CancellationToken cancellationToken) =>
        await Venues.InScope(db, current.Scope)
            .Where(r => query.CityId == null || r.Venue.CityId == query.CityId)
            .OrderBy(r => r.CityName).ThenBy(r => r.Venue.Name)
            .Select(r => Venues.ToDto(r.Venue, r.CityName))
            .ToListAsync(cancellationToken);
}
