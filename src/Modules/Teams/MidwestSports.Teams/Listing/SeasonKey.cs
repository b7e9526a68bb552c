using System.Globalization;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Teams.Listing;

/// <summary>A season as the listing sorts and filters it: year * 10 + term, so seasons sort in time, not alphabetically.</summary>
internal static class SeasonKey
{
    public static int Of(int year, SeasonTerm term) => (year * 10) + (int)term;

    /// <summary>"Fall 2026" (as the listing shows a season; case ignored) to its key.</summary>
    public static bool TryParse(string text, out int key)
    {
        key = 0;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !Enum.TryParse<SeasonTerm>(parts[0], ignoreCase: true, out var term) || !Enum.IsDefined(term) || int.TryParse(parts[0], out _)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        key = Of(year, term);
        return true;
    }
}
