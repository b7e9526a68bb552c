using System.Globalization;
using MidwestSports.Import.Mapping;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Import.Kinds.Games;

/// <summary>How a games file writes a start time and a status.</summary>
internal static class GameCells
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt", "h:mm:ss tt", "HHmm"];

    private static readonly Dictionary<string, GameStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["scheduled"] = GameStatus.Scheduled,
        ["upcoming"] = GameStatus.Scheduled,
        ["played"] = GameStatus.Final,
        ["final"] = GameStatus.Final,
        ["completed"] = GameStatus.Final,
        ["complete"] = GameStatus.Final,
        ["forfeit"] = GameStatus.Forfeit,
        ["forfeited"] = GameStatus.Forfeit,
        ["cancelled"] = GameStatus.Cancelled,
        ["canceled"] = GameStatus.Cancelled,
        ["rainout"] = GameStatus.Cancelled,
        ["rainedout"] = GameStatus.Cancelled,
    };

    /// <summary>The words a status cell may hold, for a message.</summary>
    public static string StatusWords => "Scheduled, Played (Final), Forfeit or Cancelled";

    /// <summary>"18:30", "6:30 PM", "6:30pm", "6 p.m.", or a spreadsheet's time of day (0.7708333 is 18:30).</summary>
    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and < 1 && text.Contains('.', StringComparison.Ordinal))
        {
            time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60) % (24 * 60)));
            return true;
        }

        var clean = text.Trim().ToUpperInvariant().Replace(".", string.Empty, StringComparison.Ordinal);
        clean = string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (TimeOnly.TryParseExact(clean, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        // A time cell a spreadsheet wrote with its day ("1899-12-30 18:30:00").
        if (!DateTime.TryParseExact(clean, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
        {
            return false;
        }

        time = TimeOnly.FromDateTime(stamp);
        return true;
    }

    public static bool TryStatus(string text, out GameStatus status) => Statuses.TryGetValue(NaturalKeys.Of(text), out status);
}
