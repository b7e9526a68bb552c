using FluentValidation;
using MidwestSports.Shared.Paging;
using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Listing;

internal sealed class ListTeamsValidator : AbstractValidator<ListTeams>
{
    public ListTeamsValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize, x => x.Sort, TeamListingSql.SortKeys);
        RuleFor(x => x.Cursor).Must(c => c is null || ListingCursor.TryDecode(c, out _)).WithMessage("cursor is malformed: pass nextCursor from a previous page unchanged.");
        RuleFor(x => x.Q).OptionalText(100);
        RuleFor(x => x.Name).OptionalText(100);
        RuleFor(x => x.SponsorName).OptionalText(120);
        RuleFor(x => x.LeagueName).OptionalText(120);
        RuleFor(x => x.CaptainName).OptionalText(100);
        RuleFor(x => x.Season).Must(s => s is null || SeasonKey.TryParse(s, out _)).WithMessage("season must be a term and a year, such as Fall 2026.");
    }
}
