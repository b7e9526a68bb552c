using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace MidwestSports.Host.Components.Seasons;

/// <summary>
/// Dates and times as the season forms' pickers hold them (the browser's date and time inputs: yyyy-mm-dd and hh:mm);
/// a missing or unreadable value is a field error in the admin's words, beside its field.
/// </summary>
internal static class SeasonDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string? value, string field, string message) =>
        TryDate(value, out var date) ? date : throw new ValidationException([new ValidationFailure(field, message)]);

    /// <summary>A game's new night and start, both checked before either is refused.</summary>
    public static (DateOnly Date, TimeOnly Start) ParseDateAndTime(string? date, string? start)
    {
        var failures = new List<ValidationFailure>();
        if (!TryDate(date, out var day))
        {
            failures.Add(new("date", "Choose the game's date."));
        }

        if (!TimeOnly.TryParseExact(start?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            failures.Add(new("start", "Choose the game's start time."));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : (day, time);
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
