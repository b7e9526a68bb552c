using System.Diagnostics;
using System.Globalization;
using MidwestSports.Leagues.Domain.Scheduling;

namespace LeagueOpsBench;

internal sealed record ScheduleRun(
    string Title,
    ScheduleInput Input,
    ScheduleResult Result,
    IReadOnlyList<double> Milliseconds,
    IReadOnlyList<double> TieredUpMilliseconds,
    double AllocatedMegabytes,
    bool Deterministic,
    long GamesRequired,
    ScheduleChecks Checks);

/// <summary>Rule violations in a result, counted from scratch (not trusting the scheduler's own bookkeeping).</summary>
internal sealed record ScheduleChecks(
    int FieldDoubleBookings,
    int TeamTwiceOnADate,
    int GamesOnLeagueBlackout,
    int GamesOnTeamBlackout,
    int GamesOffLeagueNights,
    int GamesOffLeagueSlots,
    int RepeatedFixtures,
    long PlacedPlusUnplacedMinusRequired,
    int PlacedOnMakeupNights);

internal static class ScheduleBench
{
    public const int TimedRuns = 7;

    /// <summary>
    /// Untimed runs before the second, "tiered-up" measurement. One warm-up leaves much of the scheduler in tier-0/OSR
    /// code: the runtime promotes hot methods to optimized, PGO-guided code only after ~30 calls and a background
    /// compile, which on this code takes about 10 full runs. Scheduling is a rare admin action, so the first figure is
    /// the realistic one for production; the second shows what the code costs once fully optimized.
    /// </summary>
    public const int TierUpRuns = 15;

    public static ScheduleRun Measure(string title, ScheduleInput input, RoundRobinFormat format)
    {
        // Warm-up: JIT and tiering; its result is the one checked below.
        var result = SeasonScheduler.Plan(input);
        var fingerprint = Fingerprint(result);

        var times = new List<double>(TimedRuns);
        var deterministic = true;
        long allocated = 0;
        for (var run = 0; run < TimedRuns; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var again = SeasonScheduler.Plan(input);
            var elapsed = Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(elapsed.TotalMilliseconds);
            deterministic &= Fingerprint(again) == fingerprint;
        }

        for (var run = 0; run < TierUpRuns; run++)
        {
            deterministic &= Fingerprint(SeasonScheduler.Plan(input)) == fingerprint;
        }

        var tieredUp = new List<double>(TimedRuns);
        for (var run = 0; run < TimedRuns; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            var again = SeasonScheduler.Plan(input);
            tieredUp.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            deterministic &= Fingerprint(again) == fingerprint;
        }

        var perPair = (long)format;
        var required = input.Leagues.Sum(l => perPair * l.TeamIds.Count * (l.TeamIds.Count - 1) / 2);
        return new ScheduleRun(title, input, result, times, tieredUp, allocated / (double)TimedRuns / (1024 * 1024), deterministic, required, Check(input, result, format, required));
    }

    public static ScheduleChecks Check(ScheduleInput input, ScheduleResult result, RoundRobinFormat format, long required)
    {
        var leagues = input.Leagues.ToDictionary(l => l.LeagueId);

        // Field double-bookings: overlapping [start, end) intervals on one field on one date, other bookings included.
        var bookings = result.Games
            .Select(g => (g.Date, g.VenueId, g.Field, Start: g.Start.ToTimeSpan(), End: g.Start.ToTimeSpan() + TimeSpan.FromMinutes(g.DurationMinutes)))
            .Concat(input.Occupied.Select(o => (o.Date, o.VenueId, o.Field, Start: o.Start.ToTimeSpan(), End: o.Start.ToTimeSpan() + TimeSpan.FromMinutes(o.DurationMinutes))));
        var doubleBooked = 0;
        foreach (var field in bookings.GroupBy(b => (b.Date, b.VenueId, b.Field)))
        {
            var list = field.OrderBy(b => b.Start).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                {
                    doubleBooked++;
                }
            }
        }

        var teamTwice = result.Games
            .SelectMany(g => new[] { (Team: g.HomeTeamId, g.Date), (Team: g.AwayTeamId, g.Date) })
            .GroupBy(x => x)
            .Sum(group => group.Count() - 1);

        var onLeagueBlackout = result.Games.Count(g => leagues[g.LeagueId].Blackouts.Contains(g.Date));
        var onTeamBlackout = result.Games.Count(g =>
            (leagues[g.LeagueId].TeamBlackouts.TryGetValue(g.HomeTeamId, out var home) && home.Contains(g.Date)) ||
            (leagues[g.LeagueId].TeamBlackouts.TryGetValue(g.AwayTeamId, out var away) && away.Contains(g.Date)));
        var nightSets = input.Leagues.ToDictionary(l => l.LeagueId, l => l.Nights.ToHashSet());
        var offNights = result.Games.Count(g => !nightSets[g.LeagueId].Contains(g.Date));
        var slotSets = input.Leagues.ToDictionary(l => l.LeagueId, l => l.Slots.ToHashSet());
        var offSlots = result.Games.Count(g => !slotSets[g.LeagueId].Contains(new SlotTemplate(g.VenueId, g.Field, g.Start, g.DurationMinutes)));

        // A single round robin meets each pair once; a double one each pair once each way round.
        var repeated = result.Games
            .GroupBy(g => format == RoundRobinFormat.Single
                ? (g.LeagueId, A: Min(g.HomeTeamId, g.AwayTeamId), B: Max(g.HomeTeamId, g.AwayTeamId))
                : (g.LeagueId, A: g.HomeTeamId, B: g.AwayTeamId))
            .Sum(group => group.Count() - 1);

        // Games placed on another night than their round's (postponed and made up later).
        var roundNight = result.Games
            .GroupBy(g => (g.LeagueId, g.Round))
            .ToDictionary(group => group.Key, group => group.GroupBy(g => g.Date).OrderByDescending(d => d.Count()).First().Key);
        var makeups = result.Games.Count(g => g.Date != roundNight[(g.LeagueId, g.Round)]);

        return new ScheduleChecks(
            doubleBooked,
            teamTwice,
            onLeagueBlackout,
            onTeamBlackout,
            offNights,
            offSlots,
            repeated,
            result.Games.Count + result.Unplaced.Count - required,
            makeups);
    }

    /// <summary>Unplaced reasons grouped by their leading words (up to the first colon, parenthesis, id or number).</summary>
    public static IReadOnlyList<(string Reason, int Count)> TopReasons(ScheduleResult result, int top) =>
        [.. result.Unplaced
            .GroupBy(u => Lead(u.Reason))
            .Select(group => (Reason: group.Key, Count: group.Count()))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Reason, StringComparer.Ordinal)
            .Take(top)];

    public static string Lead(string reason)
    {
        var words = new List<string>();
        foreach (var word in reason.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count == 7 || word.Any(char.IsDigit) || word.StartsWith('('))
            {
                break;
            }

            var cut = word.IndexOfAny([':', ',', '.']);
            words.Add(cut >= 0 ? word[..cut] : word);
            if (cut >= 0)
            {
                break;
            }
        }

        return string.Join(' ', words) + " …";
    }

    private static Guid Min(Guid a, Guid b) => a.CompareTo(b) <= 0 ? a : b;

    private static Guid Max(Guid a, Guid b) => a.CompareTo(b) <= 0 ? b : a;

    private static int Fingerprint(ScheduleResult result)
    {
        var hash = default(HashCode);
        foreach (var g in result.Games)
        {
            hash.Add(g);
        }

        foreach (var u in result.Unplaced)
        {
            hash.Add(u);
        }

        hash.Add(result.Byes.Count);
        return hash.ToHashCode();
    }

    public static string Ms(double value) => value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
