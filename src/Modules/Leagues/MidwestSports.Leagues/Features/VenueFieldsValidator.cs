using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
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
        RuleFor(x => x.CityId).NotEmpty().WithMessage("Choose the venue's city.");
        RuleFor(x => x.Name).RequiredText(120);
        RuleFor(x => x.Address).NotNull().WithMessage("Address is required (it may be empty).").OptionalText(200);
        RuleFor(x => x.Fields).NotEmpty().WithMessage("A venue needs at least one field, court or lane.")
            .Must(f => f is null || f.Count <= 40).WithMessage("A venue has at most 40 fields.")
            .Must(f => f is null || f.Select(n => n?.Trim().ToLowerInvariant()).Distinct().Count() == f.Count).WithMessage("Field names must differ.");
        RuleForEach(x => x.Fields).RequiredText(60);
    }
}
