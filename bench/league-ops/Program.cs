// League operations benchmark: season scheduling of every league at once, and standings recompute after one result.
// Prints a Markdown report to stdout. Deterministic input (fixed seeds); only the timings vary between runs.
using System.Globalization;
using System.Runtime.InteropServices;
using LeagueOpsBench;
using MidwestSports.Leagues.Domain.Scheduling;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

var slotMode = SeasonGenerator.SlotModeFromEnvironment();
var started = DateTime.UtcNow;
var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
Console.WriteLine("# League operations benchmark");
Console.WriteLine();
Console.WriteLine($"Generated {started:yyyy-MM-dd HH:mm} UTC by `bench/league-ops/run.sh` (seed {SeasonGenerator.Seed}; domain sources compiled by link, Release build).");
Console.WriteLine();
Console.WriteLine($"**Slot mode: `{slotMode.ToString().ToLowerInvariant()}`** ({SeasonGenerator.SlotModeVariable}=" +
    (slotMode == SlotMode.Shared
        ? "shared): every league at a venue-night lists all of that venue-night's slots."
        : "blocks, the default): each league at a venue-night lists its own block of slots plus the venue-night's spare ones; set BENCH_SLOTS=shared for every league there to list all of them.") +
    " The venues, fields and start times offered are the same in both modes.");
Console.WriteLine();

// ---------------------------------------------------------------------------------------------------------------
// 1. Season scheduling
// ---------------------------------------------------------------------------------------------------------------
var world = SeasonGenerator.Generate(slotMode);
var leagues = world.Leagues;
var weeklyGames = leagues.Sum(l => l.Demand);
var weeklySlots = world.VenueNights.Sum(n => n.Capacity);
var spare = 1.0 - ((double)weeklyGames / weeklySlots);
var twoVenue = leagues.Count(l => l.Venues.Count == 2);
var shared = world.VenueNights.Count(n => n.Leagues.Count > 1);
var fieldsTotal = world.Venues.Sum(v => v.Fields);

Console.WriteLine("## 1. Season scheduling");
Console.WriteLine();
Console.WriteLine("Input (one `SeasonScheduler.Plan` call holds every league, so leagues sharing a venue are scheduled together):");
Console.WriteLine();
Console.WriteLine($"- {world.Cities.Count} cities, {world.Venues.Count} venues with {fieldsTotal} fields (2-4 each: " +
    string.Join(", ", world.Cities.Select(c => $"{c} {world.Venues.Count(v => v.City == c)} venues / {world.Venues.Where(v => v.City == c).Sum(v => v.Fields)} fields")) + ").");
Console.WriteLine($"- {leagues.Count} leagues, {leagues.Sum(l => l.Teams.Count):N0} teams ({leagues.Min(l => l.Teams.Count)}-{leagues.Max(l => l.Teams.Count)} per league, " +
    $"{leagues.Count(l => l.Teams.Count % 2 == 1)} leagues with an odd count); nights Mon/Tue/Wed/Thu: " +
    string.Join("/", SeasonGenerator.Weeknights.Select(d => leagues.Count(l => l.Day == d))) + " leagues.");
Console.WriteLine($"- Slots: {leagues.Count - twoVenue} leagues on 1 venue, {twoVenue} on 2; {world.VenueNights.Count} venue-nights in use, " +
    $"{shared} of them shared by 2+ leagues (up to {world.VenueNights.Max(n => n.Leagues.Count)}); " +
    (world.SlotMode == SlotMode.Shared
        ? "every league at a venue-night lists all of that venue-night's slots, so the leagues there compete for every one "
        : "each league at a venue-night lists its own block of fields/start times plus the venue-night's spare slots, which the leagues there share ") +
    $"({world.VenueNights.Count(n => n.DurationMinutes == 60)} venue-nights with starts among 18:30/19:30/20:30 x 60 min, {world.VenueNights.Count(n => n.DurationMinutes == 70)} at 19:00/20:15 x 70 min; " +
    $"{world.VenueNights.Count(n => n.StartTimes == 2)} with 2 start times, {world.VenueNights.Count(n => n.StartTimes == 3)} with 3); " +
    $"per league {leagues.Min(l => l.Slots.Count)}-{leagues.Max(l => l.Slots.Count)} slots over {leagues.Min(l => l.Slots.Select(x => x.Start).Distinct().Count())}-{leagues.Max(l => l.Slots.Select(x => x.Start).Distinct().Count())} start times.");
Console.WriteLine($"- Capacity: {weeklySlots:N0} distinct slots a week vs {weeklyGames:N0} games a week in a full round (sum of floor(n/2)): **{spare:P1} spare**" +
    (world.OverloadedVenueNights > 0 ? $"; **{world.OverloadedVenueNights} leagues could not be packed within capacity**." : "."));
Console.WriteLine($"- Season from {SeasonGenerator.SeasonStart:yyyy-MM-dd} (each league's first weeknight on or after it); league blackouts " +
    string.Join(", ", SeasonGenerator.Holidays.Order().Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture))) + " (Memorial Day week, July 4th observed, Labor Day); " +
    $"{leagues.Sum(l => l.TeamBlackouts.Count)} team blackouts ({leagues.Sum(l => l.TeamBlackouts.Values.Sum(d => d.Count))} team-dates); {world.Occupied.Count} field-times already held by other bookings.");
Console.WriteLine();

var singleRequiredRounds = leagues.Max(l => l.Rounds);
var runs = new List<ScheduleRun>
{
    ScheduleBench.Measure(
        "A: single RR, 10-12 nights (as briefed)",
        SeasonGenerator.Input(world, RoundRobinFormat.Single, l => l.BaseNights),
        RoundRobinFormat.Single),
    ScheduleBench.Measure(
        "B: single RR, rounds + 2 nights",
        SeasonGenerator.Input(world, RoundRobinFormat.Single, l => Math.Max(l.BaseNights, l.Rounds + 2)),
        RoundRobinFormat.Single),
    ScheduleBench.Measure(
        "C: double RR, max(20, rounds + 2) nights",
        SeasonGenerator.Input(world, RoundRobinFormat.Double, l => Math.Max(20, (2 * l.Rounds) + 2)),
        RoundRobinFormat.Double),
};

string Row(string label, Func<ScheduleRun, string> cell) => $"| {label} | {string.Join(" | ", runs.Select(cell))} |";
string Range(ScheduleRun r)
{
    var usable = r.Input.Leagues.Select(l => l.Nights.Count(n => !l.Blackouts.Contains(n))).ToList();
    return $"{usable.Min()}-{usable.Max()}";
}

Console.WriteLine($"Timings: one warm-up run, then {ScheduleBench.TimedRuns} timed runs of `SeasonScheduler.Plan` over all {leagues.Count} leagues (single thread, default tiered JIT). " +
    $"After one warm-up much of the scheduler still runs unoptimized (tier-0/OSR) code and is promoted to optimized code during the timed runs, so a second set of {ScheduleBench.TimedRuns} runs " +
    $"follows {ScheduleBench.TierUpRuns} more untimed ones. Every run's result is compared with the warm-up's.");
Console.WriteLine();
Console.WriteLine($"| | {string.Join(" | ", runs.Select(r => r.Title))} |");
Console.WriteLine($"|---|{string.Join("|", runs.Select(_ => "---:"))}|");
Console.WriteLine(Row("Usable nights per league", Range));
Console.WriteLine(Row("**Plan wall ms, median**", r => $"**{ScheduleBench.Ms(Stats.Median(r.Milliseconds))}**"));
Console.WriteLine(Row("Plan wall ms, min / max", r => $"{ScheduleBench.Ms(r.Milliseconds.Min())} / {ScheduleBench.Ms(r.Milliseconds.Max())}"));
Console.WriteLine(Row($"After {ScheduleBench.TierUpRuns} more untimed runs (tiered-up code): median, min / max", r => $"{ScheduleBench.Ms(Stats.Median(r.TieredUpMilliseconds))}, {ScheduleBench.Ms(r.TieredUpMilliseconds.Min())} / {ScheduleBench.Ms(r.TieredUpMilliseconds.Max())}"));
Console.WriteLine(Row("Allocated per run", r => $"{r.AllocatedMegabytes:0} MB"));
Console.WriteLine(Row("Same result every run", r => r.Deterministic ? "yes" : "**NO**"));
Console.WriteLine(Row("Games required", r => $"{r.GamesRequired:N0}"));
Console.WriteLine(Row("Games placed", r => $"{r.Result.Games.Count:N0}"));
Console.WriteLine(Row("Unplaced", r => $"{r.Result.Unplaced.Count:N0} ({(double)r.Result.Unplaced.Count / r.GamesRequired:P1})"));
Console.WriteLine(Row("of which \"No free slot …\" (every night tried was full)", r => $"{r.Result.Unplaced.Count(u => u.Reason.StartsWith("No free slot", StringComparison.Ordinal)):N0}"));
Console.WriteLine(Row("Placed on a later (makeup) night", r => $"{r.Checks.PlacedOnMakeupNights:N0}"));
Console.WriteLine(Row("Byes", r => $"{r.Result.Byes.Count:N0}"));
Console.WriteLine(Row("**Field double-booked** (must be 0)", r => Zero(r.Checks.FieldDoubleBookings)));
Console.WriteLine(Row("**Team twice on a date** (must be 0)", r => Zero(r.Checks.TeamTwiceOnADate)));
Console.WriteLine(Row("Games on a league blackout / team blackout", r => $"{Zero(r.Checks.GamesOnLeagueBlackout)} / {Zero(r.Checks.GamesOnTeamBlackout)}"));
Console.WriteLine(Row("Games off the league's nights / slots", r => $"{Zero(r.Checks.GamesOffLeagueNights)} / {Zero(r.Checks.GamesOffLeagueSlots)}"));
Console.WriteLine(Row("Repeated fixtures", r => Zero(r.Checks.RepeatedFixtures)));
Console.WriteLine(Row("Placed + unplaced - required", r => Zero((int)r.Checks.PlacedPlusUnplacedMinusRequired)));
Console.WriteLine();

foreach (var run in runs)
{
    Console.WriteLine($"Top unplaced reasons, {run.Title}:");
    Console.WriteLine();
    var reasons = ScheduleBench.TopReasons(run.Result, 3);
    if (reasons.Count == 0)
    {
        Console.WriteLine("- (none)");
    }

    foreach (var (reason, count) in reasons)
    {
        Console.WriteLine($"- {count:N0} x \"{reason}\"");
    }

    Console.WriteLine();
}

Console.WriteLine($"Notes: a single round robin of n teams needs {MinRounds()}-{singleRequiredRounds} rounds here (n - 1, or n when odd), so a 10-12-night season (run A) " +
    "cannot hold the larger leagues' round robins: their last rounds come back as \"No league night left\". Run B gives each league its rounds plus 2 makeup nights " +
    "(at least its 10-12); run C does the same for the double round robin (at least 20 nights). Capacity (fields and start times per night) is the same in all three. " +
    "Runs B and C start on code A has already tiered up, so only A's first row shows the one-warm-up (mostly unoptimized) cost.");
Console.WriteLine();

// ---------------------------------------------------------------------------------------------------------------
// 2. Standings recompute
// ---------------------------------------------------------------------------------------------------------------
Console.WriteLine("## 2. Standings recompute");
Console.WriteLine();
Console.WriteLine($"`StandingsCalculator.Compute` with `TieBreakerRuleSets.Default` ({MidwestSports.Leagues.Domain.Standings.TieBreakerRuleSets.Default.Name}), differential cap {StandingsBench.DifferentialCap}: " +
    $"each run changes one result, then recomputes the whole table (only `Compute` is timed); warm-up of at least {StandingsBench.WarmUpRuns} runs and {StandingsBench.WarmUpSeconds:0} s (so hot code is tiered up), then {StandingsBench.TimedRuns} timed runs.");
Console.WriteLine();
var standings = new[] { StandingsBench.Measure(StandingsBench.RandomLeague()), StandingsBench.Measure(StandingsBench.TiedLeague()) };
Console.WriteLine("| League | Games | Ties (initial) | Forfeits | Win % tie groups (last run) | **Median µs** | Min µs | Max µs |");
Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|");
foreach (var s in standings)
{
    var groups = s.WinPercentageTies.Count == 0 ? "none" : string.Join(", ", s.WinPercentageTies);
    Console.WriteLine($"| {s.Title} | {s.Games} | {s.Ties} | {s.Forfeits} | {groups} | **{Stats.Median(s.Microseconds):0.0}** | {s.Microseconds.Min():0.0} | {s.Microseconds.Max():0.0} |");
}

Console.WriteLine();
foreach (var s in standings)
{
    var mix = StandingsBench.ReasonMix(s.Last);
    Console.WriteLine($"Why each team is above the next, {s.Title} (last run): " +
        string.Join("; ", mix.Select(m => $"{m.Count} x \"{m.Rule}\"")) +
        $"; teams awaiting a coin flip: {s.Last.NeedsCoinFlip.Count}.");
    Console.WriteLine();
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Machine
// ---------------------------------------------------------------------------------------------------------------
Console.WriteLine("## 3. Machine");
Console.WriteLine();
Console.WriteLine($"ProcessorCount={Environment.ProcessorCount}; OS={RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); " +
    $".NET={RuntimeInformation.FrameworkDescription}; load average at start={loadAverage}; GC={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; date={started:yyyy-MM-dd HH:mm:ss} UTC; total bench time {(DateTime.UtcNow - started).TotalSeconds:0} s");

int MinRounds() => leagues.Min(l => l.Rounds);

static string Zero(int value) => value == 0 ? "0" : $"**{value}**";

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
