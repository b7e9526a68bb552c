using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Paging;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class ListLeaguesValidator : AbstractValidator<ListLeagues>
{
    public static readonly string[] SortKeys = ["name", "sport", "cityName", "season", "night", "level", "status", "createdAt"];

    public ListLeaguesValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize, x => x.Sort, SortKeys);
        RuleFor(x => x.Q).OptionalText(100);
        RuleFor(x => x.Sport).OptionalText(40);
    }
}

internal sealed class ListLeaguesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListLeagues, PagedResultDto<LeagueDto>>
{
    public async ValueTask<PagedResultDto<LeagueDto>> Handle(ListLeagues query, CancellationToken cancellationToken)
    {
        var rows = LeagueRows.InScope(db, current.Scope);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePatterns.Contains(query.Q);
            rows = rows.Where(r => EF.Functions.ILike(r.League.Name, pattern, LikePatterns.Escape) || EF.Functions.ILike(r.League.Sport, pattern, LikePatterns.Escape)
                || EF.Functions.ILike(r.League.Level, pattern, LikePatterns.Escape) || EF.Functions.ILike(r.CityName, pattern, LikePatterns.Escape));
        }

        if (query.CityId is { } cityId)
        {
            rows = rows.Where(r => r.League.CityId == cityId);
        }

        if (!string.IsNullOrWhiteSpace(query.Sport))
        {
            var sport = query.Sport.Trim().ToLower();
            rows = rows.Where(r => r.League.Sport.ToLower() == sport);
        }

        if (query.SeasonYear is { } year)
        {
            rows = rows.Where(r => r.League.SeasonYear == year);
        }

        if (query.Term is { } term)
        {
            rows = rows.Where(r => r.League.Term == term);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.League.Status == status);
        }

        if (query.Current is { } running)
        {
            rows = running
                ? rows.Where(r => r.League.Status != LeagueStatus.Completed && r.League.Status != LeagueStatus.Archived)
                : rows.Where(r => r.League.Status == LeagueStatus.Completed || r.League.Status == LeagueStatus.Archived);
        }

        var total = await rows.LongCountAsync(cancellationToken);
        var page = await LeagueRows.Sort(rows, SortSpec.Parse(query.Sort, "name"))
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(r => LeagueRows.ToDto(r.League, r.CityName))
            .ToListAsync(cancellationToken);
        return new PagedResultDto<LeagueDto>(page, query.Page, query.PageSize, total);
    }
}

internal sealed class GetLeagueHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(GetLeague query, CancellationToken cancellationToken) =>
        await LeagueRows.InScope(db, current.Scope)
            .Where(r => r.League.Id == query.LeagueId)
            .Select(r => LeagueRows.ToDto(r.League, r.CityName))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("League", query.LeagueId);
}

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
