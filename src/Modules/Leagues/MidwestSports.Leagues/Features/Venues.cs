using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

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
