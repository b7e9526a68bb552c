using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class LeagueFieldsValidator : AbstractValidator<LeagueFields>
{
    public LeagueFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(120);
        RuleFor(x => x.Sport).RequiredText(40)
            .Must(s => League.Sports.Contains(s?.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage($"Sport must be one of: {string.Join(", ", League.Sports)}.");
        RuleFor(x => x.CityId).NotEmpty().WithMessage("Choose the league's city.");
        RuleFor(x => x.SeasonYear).InclusiveBetween(2000, 2100).WithName("Season year");
        RuleFor(x => x.Term).IsInEnum();
        RuleFor(x => x.Night).IsInEnum();
        RuleFor(x => x.Level).RequiredText(60).WithName("Level or division");
        RuleFor(x => x.Status).IsInEnum();
    }
}
