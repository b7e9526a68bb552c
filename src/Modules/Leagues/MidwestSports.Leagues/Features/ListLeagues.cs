using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
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
