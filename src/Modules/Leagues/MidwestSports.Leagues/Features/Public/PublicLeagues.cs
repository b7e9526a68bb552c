using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>
/// What every public answer of the Leagues module shares: which leagues are published (<see cref="League.IsPublished"/>),
/// how a city is named in URLs, and how a game is shown (its local time with the city's offset on that date).
/// </summary>
internal static class PublicLeagues
{
    public static IQueryable<League> Published(LeaguesDbContext db) => db.Leagues.AsNoTracking().Where(League.IsPublished);

    /// <summary>The published league with its city, or null: a draft, archived, hidden or unknown league is the same "not found".</summary>
    public static async Task<PublishedLeague?> FindAsync(LeaguesDbContext db, Guid leagueId, CancellationToken ct)
    {
        var row = await Published(db)
            .Where(l => l.Id == leagueId)
            .Join(db.Cities.AsNoTracking(), l => l.CityId, c => c.Id, (l, c) => new { League = l, City = c })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new PublishedLeague(row.League, row.City, await CitySlugs.OfAsync(db, row.City, ct), Zones.Find(row.City.TimeZone));
    }

    public static string Season(League league) => $"{league.Term} {league.SeasonYear}";

    public static PublicLeagueSummary Summary(League l) =>
        new(l.Id, l.Name, l.Sport, Season(l), l.SeasonYear, l.Term, l.Night, l.Level, l.Status, l.UpdatedAt);

    public static DateTimeOffset Latest(DateTimeOffset first, IEnumerable<DateTimeOffset> others) =>
        others.Aggregate(first, (a, b) => b > a ? b : a);
}

internal sealed record PublishedLeague(League League, City City, string CitySlug, TimeZoneInfo Zone)
{
    public PublicCityRef CityRef => new(City.Id, CitySlug, City.Name);

    public PublicLeagueRef Ref => new(League.Id, League.Name, League.Sport, PublicLeagues.Season(League), CityRef);
}

/// <summary>A city's name in URLs: lower case, accents and punctuation dropped ("St. Louis" → "st-louis"); two cities of one name get their state added.</summary>
internal static class CitySlugs
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    public static IReadOnlyDictionary<Guid, string> Assign(IEnumerable<City> cities) =>
        cities.GroupBy(c => Of(c.Name))
            .SelectMany(g => g.Count() == 1 ? g.Select(c => (c.Id, Slug: g.Key)) : g.Select(c => (c.Id, Slug: Of($"{c.Name} {c.State}"))))
            .ToDictionary(x => x.Id, x => x.Slug);

    public static async Task<string> OfAsync(LeaguesDbContext db, City city, CancellationToken ct)
    {
        var slug = Of(city.Name);
        // Rare: another city shares the name, and both carry their state.
        var namesakes = await db.Cities.AsNoTracking().Where(c => c.Id != city.Id).Select(c => c.Name).ToListAsync(ct);
        return namesakes.Any(n => Of(n) == slug) ? Of($"{city.Name} {city.State}") : slug;
    }

    public static PublicCity ToPublic(City c, string slug) => new(c.Id, slug, c.Name, c.State, c.TimeZone, c.UpdatedAt);
}

internal static class Zones
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string id) => Cache.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>A local date and time in the zone, with the zone's offset on that date.</summary>
    public static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>Games as the public sees them: names of teams and venues, local times with offsets, no internal version.</summary>
internal static class PublicGameRows
{
    public static async Task<IReadOnlyList<PublicGame>> ToPublicAsync(LeaguesDbContext db, IReadOnlyList<Game> games, Func<Guid, TimeZoneInfo> zoneOfCity, CancellationToken ct)
    {
        var teamIds = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).Distinct().ToArray();
        var venueIds = games.Where(g => g.VenueId is not null).Select(g => g.VenueId!.Value).Distinct().ToArray();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, t => t.Name, ct);
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return
        [
            .. games
                .OrderBy(g => g.Date ?? DateOnly.MaxValue)
                .ThenBy(g => g.Start ?? TimeOnly.MaxValue)
                .ThenBy(g => g.Kind)
                .ThenBy(g => g.Round)
                .ThenBy(g => g.VenueId is { } v ? venues.GetValueOrDefault(v) : null, StringComparer.Ordinal)
                .ThenBy(g => g.Field, StringComparer.Ordinal)
                .ThenBy(g => g.BracketCode, StringComparer.Ordinal)
                .ThenBy(g => g.Id)
                .Select(g =>
                {
                    var start = g.Date is { } d && g.Start is { } s ? Zones.Local(d, s, zoneOfCity(g.CityId)) : (DateTimeOffset?)null;
                    return new PublicGame(
                        g.Id,
                        g.LeagueId,
                        g.Kind,
                        g.Kind == GameKind.Regular ? g.Round : null,
                        g.BracketCode,
                        g.Date,
                        start,
                        start?.AddMinutes(g.DurationMinutes),
                        g.VenueId is { } v ? new PublicVenueRef(v, venues.GetValueOrDefault(v, "(unknown venue)")) : null,
                        g.Field,
                        new PublicTeamRef(g.HomeTeamId, teams.GetValueOrDefault(g.HomeTeamId, "(unknown team)")),
                        new PublicTeamRef(g.AwayTeamId, teams.GetValueOrDefault(g.AwayTeamId, "(unknown team)")),
                        g.HomeScore,
                        g.AwayScore,
                        g.Status,
                        g.ForfeitedBy,
                        g.UpdatedAt);
                }),
        ];
    }
}
