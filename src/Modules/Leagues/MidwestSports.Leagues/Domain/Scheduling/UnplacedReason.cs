using System.Globalization;

namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>Why a game could not go on one night; several can hold at once.</summary>
[Flags]
internal enum MissCause
{
    None = 0,
    HomeTeamBlackout = 1,
    AwayTeamBlackout = 2,
    HomeTeamPlaying = 4,
    AwayTeamPlaying = 8,
    NoFreeSlot = 16,
}

internal readonly record struct Miss(DateOnly Night, MissCause Cause);

/// <summary>Puts the nights a game was turned away into words an admin can act on.</summary>
internal static class UnplacedReason
{
    // Long seasons would otherwise list every remaining night; the first few show the pattern.
    private const int DatesShown = 6;

    public static string NoNightLeft(int round, int usableNights, DateOnly? notBefore)
    {
        var from = notBefore is { } date ? $" on or after {Format(date)}" : string.Empty;
        var nights = usableNights == 1 ? "1 usable night" : $"{usableNights} usable nights";
        return $"No league night left for round {round}: the league has only {nights}{from} once its blackouts are skipped.";
    }

    public static string NoSlotTemplates() =>
        "The league has no fields or start times to play in: add slots (venue, field, start time) before scheduling.";

    /// <param name="misses">The nights tried, in order; the first is the game's own round night.</param>
    public static string Explain(Meeting meeting, IReadOnlyList<Miss> misses, int fieldCount)
    {
        var fields = fieldCount == 1 ? "the league's only field is taken" : $"all {fieldCount} fields at the league's venues are taken";
        if (misses.All(miss => miss.Cause == MissCause.NoFreeSlot))
        {
            return $"No free slot on any remaining league night ({fields} on {Dates(misses.Select(m => m.Night))}).";
        }

        var first = misses[0];
        var lead = Capitalize(Describe(first.Cause, [first.Night], meeting, fields, leading: true));
        if (misses.Count == 1)
        {
            return $"{lead}, and no later league night is left.";
        }

        var later = misses
            .Skip(1)
            .GroupBy(miss => miss.Cause)
            .Select(group => Describe(group.Key, [.. group.Select(miss => miss.Night)], meeting, fields, leading: false));
        return $"{lead}, and no later night is free ({string.Join("; ", later)}).";
    }

    private static string Describe(MissCause cause, IReadOnlyList<DateOnly> nights, Meeting meeting, string fields, bool leading)
    {
        var on = Dates(nights);
        var home = $"the home team {meeting.HomeTeamId}";
        var away = $"the away team {meeting.AwayTeamId}";
        var parts = new List<string>();

        var blackedOut = (cause.HasFlag(MissCause.HomeTeamBlackout), cause.HasFlag(MissCause.AwayTeamBlackout)) switch
        {
            (true, true) => $"{home} and {away}",
            (true, false) => home,
            (false, true) => away,
            _ => null,
        };
        if (blackedOut is not null)
        {
            parts.Add(leading ? $"Team blackout: {blackedOut} cannot play on {on}" : $"{blackedOut} blacked out on {on}");
        }

        var playing = (cause.HasFlag(MissCause.HomeTeamPlaying), cause.HasFlag(MissCause.AwayTeamPlaying)) switch
        {
            (true, true) => $"both teams already play on {on}",
            (true, false) => $"{home} already plays on {on}",
            (false, true) => $"{away} already plays on {on}",
            _ => null,
        };
        if (playing is not null)
        {
            parts.Add(playing);
        }

        if (cause.HasFlag(MissCause.NoFreeSlot))
        {
            parts.Add($"no free slot on {on} ({fields})");
        }

        return string.Join(" and ", parts);
    }

    private static string Dates(IEnumerable<DateOnly> nights)
    {
        var all = nights.ToList();
        var shown = string.Join(", ", all.Take(DatesShown).Select(Format));
        return all.Count > DatesShown ? $"{shown} and {all.Count - DatesShown} more" : shown;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
