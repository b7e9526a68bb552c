using FluentValidation;

namespace MidwestSports.Shared.Validation;

/// <summary>
/// Dates a league can hold: a season, a game night, a blackout. A typo such as 9999-12-31 is refused instead of
/// stored, where it would hide a game from every week view and calendar.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static IRuleBuilderOptions<T, DateOnly> PlausibleDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.InclusiveBetween(Earliest, Latest).WithMessage($"{{PropertyName}} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= Earliest && d <= Latest)).WithMessage($"{{PropertyName}} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
}
