using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal static class LeagueGuards
{
    /// <summary>A league outside the caller's cities does not exist for them (404); a viewer may not write (403).</summary>
    public static async Task<League> LeagueForWriteAsync(LeaguesDbContext db, CityScope scope, Guid leagueId, CancellationToken ct)
    {
        var league = await db.Leagues.InScope(scope).SingleOrDefaultAsync(l => l.Id == leagueId, ct)
            ?? throw new NotFoundException("League", leagueId);
        scope.EnsureCanWrite();
        return league;
    }

    /// <summary>Creating in, or moving to, a city the caller does not hold is forbidden (403); an unknown city is a field error.</summary>
    public static async Task<City> CityForWriteAsync(LeaguesDbContext db, CityScope scope, Guid cityId, CancellationToken ct)
    {
        scope.EnsureCanWriteIn(cityId);
        return await db.Cities.SingleOrDefaultAsync(c => c.Id == cityId, ct)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("cityId", "The city does not exist.")]);
    }

    public static async Task EnsureUniqueAsync(LeaguesDbContext db, Guid? leagueId, LeagueFields fields, CancellationToken ct)
    {
        var key = NameKeys.Of(fields.Name);
        if (await db.Leagues.AnyAsync(
                l => l.Id != leagueId && l.CityId == fields.CityId && l.SeasonYear == fields.SeasonYear && l.Term == fields.Term && EF.Property<string>(l, NameKeys.Column) == key,
                ct))
        {
            throw new ConflictException($"A league named '{fields.Name.Trim()}' already exists in that city for {fields.Term} {fields.SeasonYear}.", "name");
        }
    }
}
