using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class DeleteVenueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions) : ICommandHandler<DeleteVenue, Unit>
{
    public async ValueTask<Unit> Handle(DeleteVenue command, CancellationToken cancellationToken)
    {
        var venue = await Venues.ForWriteAsync(db, current.Scope, command.VenueId, cancellationToken);
        preconditions.Verify("Venue", venue.Version, bodyVersion: null);
        if (await db.Slots.AnyAsync(s => s.VenueId == venue.Id, cancellationToken) || await db.Games.AnyAsync(g => g.VenueId == venue.Id, cancellationToken))
        {
            throw new ConflictException($"{venue.Name} is used by league slots or games; it cannot be deleted.");
        }

        db.Venues.Remove(venue);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
