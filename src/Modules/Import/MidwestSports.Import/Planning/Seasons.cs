using System.Globalization;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Import.Planning;

/// <summary>A season as files write it: "Fall 2026", "2026 Fall", "Fall" or "2026".</summary>
internal static class Seasons
{
    public static bool TryParse(string text, out SeasonTerm? term, out int? year)
    {
        term = null;
        year = null;
        foreach (var part in text.Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 && year is null)
            {
                year = y;
            }
            else if (Enum.GetNames<SeasonTerm>().FirstOrDefault(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase)) is { } name && term is null)
            {
                term = Enum.Parse<SeasonTerm>(name);
            }
            else
            {
                return false;
            }
        }

        return term is not null || year is not null;
    }
}
