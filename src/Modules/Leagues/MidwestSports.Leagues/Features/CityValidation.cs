using FluentValidation;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal static class CityRules
{
    public static void NameStateTimeZone<T>(AbstractValidator<T> validator, Func<T, string> name, Func<T, string> state, Func<T, string> timeZone)
    {
        validator.RuleFor(x => name(x)).RequiredText(100).OverridePropertyName("name");
        validator.RuleFor(x => state(x)).Cascade(CascadeMode.Stop).NotEmpty().Matches("^[A-Za-z]{2}$")
            .WithMessage("State must be a two-letter code such as WI.").OverridePropertyName("state");
        validator.RuleFor(x => timeZone(x)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Time zone is required: an IANA name such as America/Chicago.")
            .Must(tz => TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            .WithMessage("Time zone must be an IANA name such as America/Chicago.").OverridePropertyName("timeZone");
    }
}
