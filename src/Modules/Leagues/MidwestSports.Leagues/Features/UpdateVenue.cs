using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class UpdateVenueValidator : AbstractValidator<UpdateVenue>
{
    public UpdateVenueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new VenueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdateVenueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions) : ICommandHandler<UpdateVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(UpdateVenue command, CancellationToken cancellationToken)
    {
        var venue = await Venues.ForWriteAsync(db, current.Scope, command.VenueId, cancellationToken);
        var fields = command.Fields;
        preconditions.Verify("Venue", venue.Version, fields.Version);
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, fields.CityId, cancellationToken);
        await Venues.EnsureUniqueAsync(db, venue.Id, fields, cancellationToken);
        var kept = fields.Fields.Select(f => f.Trim()).ToHashSet(StringComparer.Ordinal);
        if (fields.CityId != venue.CityId
            && (await db.Slots.AnyAsync(s => s.VenueId == venue.Id, cancellationToken) || await db.Games.AnyAsync(g => g.VenueId == venue.Id, cancellationToken)))
        {
            throw new ConflictException("League slots or games use this venue; it cannot move to another city.");
        }

        var inUse = await db.Slots.Where(s => s.VenueId == venue.Id).Select(s => s.Field).Distinct().ToListAsync(cancellationToken);
        if (inUse.FirstOrDefault(f => !kept.Contains(f)) is { } removed)
        {
            throw new ConflictException($"'{removed}' is used by league time slots; remove those slots first.");
        }

        venue.Update(fields.CityId, fields.Name, fields.Address, fields.Fields);
        await db.SaveChangesAsync(cancellationToken);
        return Venues.ToDto(venue, city.Name);
    }
}
