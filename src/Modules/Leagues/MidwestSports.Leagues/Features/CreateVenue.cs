using FluentValidation;
using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class CreateVenueValidator : AbstractValidator<CreateVenue>
{
    public CreateVenueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new VenueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class CreateVenueHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<CreateVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(CreateVenue command, CancellationToken cancellationToken)
    {
        var fields = command.Fields;
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, fields.CityId, cancellationToken);
        await Venues.EnsureUniqueAsync(db, null, fields, cancellationToken);
        var venue = Venue.Create(fields.CityId, fields.Name, fields.Address, fields.Fields, time.GetUtcNow());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        return Venues.ToDto(venue, city.Name);
    }
}
