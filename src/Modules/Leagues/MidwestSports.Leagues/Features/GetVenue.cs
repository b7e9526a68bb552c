using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class GetVenueHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(GetVenue query, CancellationToken cancellationToken) =>
        await Venues.InScope(db, current.Scope).Where(r => r.Venue.Id == query.VenueId).Select(r => Venues.ToDto(r.Venue, r.CityName))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Venue", query.VenueId);
}
