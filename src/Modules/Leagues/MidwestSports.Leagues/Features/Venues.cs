using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class VenueFieldsValidator : AbstractValidator<VenueFields>
{
    public VenueFieldsValidator()
    {
        RuleFor(x => x.CityId).NotEmpty();
        RuleFor(x => x.Name).RequiredText(120);
        RuleFor(x => x.Address).NotNull().WithMessage("Address is required (it may be empty).").OptionalText(200);
        RuleFor(x => x.Fields).NotEmpty().WithMessage("A venue needs at least one field, court or lane.")
            .Must(f => f is null || f.Count <= 40).WithMessage("A venue has at most 40 fields.")
            .Must(f => f is null || f.Select(n => n?.Trim().ToLowerInvariant()).Distinct().Count() == f.Count).WithMessage("Field names must differ.");
        RuleForEach(x => x.Fields).RequiredText(60);
    }
}

internal sealed class CreateVenueValidator : AbstractValidator<CreateVenue>
{
    public CreateVenueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new VenueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdateVenueValidator : AbstractValidator<UpdateVenue>
{
    public UpdateVenueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new VenueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ListVenuesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListVenues, IReadOnlyList<VenueDto>>
{
    public async ValueTask<IReadOnlyList<VenueDto>> Handle(ListVenues query, CancellationToken cancellationToken) =>
        await Venues.InScope(db, current.Scope)
            .Where(r => query.CityId == null || r.Venue.CityId == query.CityId)
            .OrderBy(r => r.CityName).ThenBy(r => r.Venue.Name)
            .Select(r => Venues.ToDto(r.Venue, r.CityName))
            .ToListAsync(cancellationToken);
}

internal sealed class GetVenueHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetVenue, VenueDto>
{
    public async ValueTask<VenueDto> Handle(GetVenue query, CancellationToken cancellationToken) =>
        await Venues.InScope(db, current.Scope).Where(r => r.Venue.Id == query.VenueId).Select(r => Venues.ToDto(r.Venue, r.CityName))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Venue", query.VenueId);
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

internal sealed class VenueRow
{
    public required Venue Venue { get; init; }

    public required string CityName { get; init; }
}

internal static class Venues
{
    public static IQueryable<VenueRow> InScope(LeaguesDbContext db, CityScope scope) =>
        db.Venues.AsNoTracking().InScope(scope).Join(db.Cities, v => v.CityId, c => c.Id, (v, c) => new VenueRow { Venue = v, CityName = c.Name });

    public static VenueDto ToDto(Venue v, string cityName) => new(v.Id, v.CityId, cityName, v.Name, v.Address, v.Fields, v.Version);

    public static async Task<Venue> ForWriteAsync(LeaguesDbContext db, CityScope scope, Guid venueId, CancellationToken ct)
    {
        var venue = await db.Venues.InScope(scope).SingleOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("Venue", venueId);
        scope.EnsureCanWrite();
        return venue;
    }

    public static async Task EnsureUniqueAsync(LeaguesDbContext db, Guid? venueId, VenueFields fields, CancellationToken ct)
    {
        var key = NameKeys.Of(fields.Name);
        if (await db.Venues.AnyAsync(v => v.Id != venueId && v.CityId == fields.CityId && EF.Property<string>(v, NameKeys.Column) == key, ct))
        {
            throw new ConflictException($"A venue named '{fields.Name.Trim()}' already exists in that city.", "name");
        }
    }
}
