using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Paging;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class LeagueRow
{
    public required League League { get; init; }

    public required string CityName { get; init; }
}

internal static class LeagueRows
{
    public static IQueryable<LeagueRow> InScope(LeaguesDbContext db, CityScope scope) =>
        db.Leagues.AsNoTracking().InScope(scope)
            .Join(db.Cities, l => l.CityId, c => c.Id, (l, c) => new LeagueRow { League = l, CityName = c.Name });

    public static LeagueDto ToDto(League l, string cityName) =>
        new(l.Id, l.Name, l.Sport, l.CityId, cityName, l.SeasonYear, l.Term, l.Night, l.Level, l.Status, l.Version, l.CreatedAt, l.PublicVisible);

    /// <summary>Text sorts ignore case ("ale house" beside "Ale House"); every sort ends with the id, so pages are stable when values tie.</summary>
    public static IQueryable<LeagueRow> Sort(IQueryable<LeagueRow> rows, SortSpec sort) => (sort.Key, sort.Descending) switch
    {
        ("sport", false) => rows.OrderBy(r => r.League.Sport.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("sport", true) => rows.OrderByDescending(r => r.League.Sport.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("cityName", false) => rows.OrderBy(r => r.CityName.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("cityName", true) => rows.OrderByDescending(r => r.CityName.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("season", false) => rows.OrderBy(r => r.League.SeasonYear).ThenBy(r => r.League.Term).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("season", true) => rows.OrderByDescending(r => r.League.SeasonYear).ThenByDescending(r => r.League.Term).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("night", false) => rows.OrderBy(r => r.League.Night).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("night", true) => rows.OrderByDescending(r => r.League.Night).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("level", false) => rows.OrderBy(r => r.League.Level.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("level", true) => rows.OrderByDescending(r => r.League.Level.ToLower()).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("status", false) => rows.OrderBy(r => r.League.Status).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("status", true) => rows.OrderByDescending(r => r.League.Status).ThenBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        ("createdAt", false) => rows.OrderBy(r => r.League.CreatedAt).ThenBy(r => r.League.Id),
        ("createdAt", true) => rows.OrderByDescending(r => r.League.CreatedAt).ThenByDescending(r => r.League.Id),
        (_, true) => rows.OrderByDescending(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
        _ => rows.OrderBy(r => r.League.Name.ToLower()).ThenBy(r => r.League.Id),
    };
}
