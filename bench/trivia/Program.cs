// Trivia benchmark (issue 9): the real sync (TriviaSync, its HTTP client and resilience pipeline, EF Core, PostgreSQL)
// against a stub partner on Kestrel, and a league's standings read after one corrected night. Prints a Markdown
// report to stdout. Deterministic input (fixed seed); only the timings vary between runs.
using System.Diagnostics;
using System.Globalization;
using MidwestSports.Trivia.Standings;

namespace TriviaBench;

// Not top-level statements: the Host's own Program is the type WebApplicationFactory starts.
internal static class BenchProgram
{
    /// <summary>The report goes to stdout; the app's and the stub's logs to stderr.</summary>
    private static TextWriter Report = TextWriter.Null;

    public static async Task Main(string[] args)
    {
        Report = Console.Out;
        Console.SetOut(Console.Error);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MIDWESTSPORTS_HOST",
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Host/MidwestSports.Host")));
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("usage: TriviaBench <connection string of the benchmark database>");
        var runs = int.Parse(Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "5", CultureInfo.InvariantCulture);
        var started = DateTime.UtcNow;
        var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        await BenchDatabase.RecreateAsync(connectionString);
        await using var partner = await StubPartner.StartAsync();
        await using var host = new BenchHost(connectionString, partner);
        var world = await BenchWorld.CreateAsync(host);
        var feed = FeedGenerator.Season(world);

        Report.WriteLine("# Trivia sync and standings benchmark");
        Report.WriteLine();
        Report.WriteLine($"Generated {started:yyyy-MM-dd HH:mm} UTC by `bench/trivia/run.sh` (Release; load average at start {loadAverage}; {runs} timed runs after one warm-up per measurement).");
        Report.WriteLine();
        Report.WriteLine($"World: 1 city, 1 venue, {world.Leagues.Count} trivia leagues of {FeedGenerator.TeamsPerNight} teams and one of {FeedGenerator.SixtyTeams} teams, names as the partner sends them (every team links by exact name).");
        Report.WriteLine($"Feed: {feed.Nights:N0} nights x {FeedGenerator.TeamsPerNight} teams = {feed.Results:N0} results in {feed.Pages.Count} pages of {FeedGenerator.NightsPerPage} nights ({feed.Pages.Sum(p => p.Length) / 1024:N0} KiB of JSON), served by a stub partner on Kestrel (pre-serialised pages).");
        Report.WriteLine();

        // 1. A full sync into an empty trivia schema (links, nights, results created).
        var full = new List<SyncTiming>();
        for (var i = 0; i <= runs; i++)
        {
            await BenchDatabase.EmptyTriviaAsync(connectionString);
            partner.Serve(feed.Pages);
            var timing = await host.SyncAsync();
            timing.Expect(created: feed.Results, unchanged: 0);
            if (i > 0)
            {
                full.Add(timing);
            }
        }

        // 2. The same feed again: nothing changed.
        var again = new List<SyncTiming>();
        for (var i = 0; i <= runs; i++)
        {
            partner.Serve(feed.Pages);
            var timing = await host.SyncAsync();
            timing.Expect(created: 0, unchanged: feed.Results);
            if (i > 0)
            {
                again.Add(timing);
            }
        }

        // 3. A 60-team league over 13 nights; one night corrected (a later lastModified, new scores), then its standings read.
        var sixty = FeedGenerator.Sixty(world, revision: 0);
        partner.Serve(sixty.Pages);
        (await host.SyncAsync()).Expect(created: sixty.Results, unchanged: 0);
        var corrections = new List<SyncTiming>();
        var reads = new List<double>();
        var standingsRuns = Math.Max(runs * 4, 20);
        for (var i = 0; i <= standingsRuns; i++)
        {
            partner.Serve(FeedGenerator.Correction(world, revision: i + 1).Pages);
            var correction = await host.SyncAsync();
            var read = Stopwatch.StartNew();
            var standings = await host.StandingsAsync(world.SixtyLeague);
            read.Stop();
            if (standings.Rows.Count != FeedGenerator.SixtyTeams || standings.Rows.Any(r => r.NightsPlayed != FeedGenerator.SixtyNights))
            {
                throw new InvalidOperationException($"Standings of {standings.Rows.Count} rows, not {FeedGenerator.SixtyTeams} teams of {FeedGenerator.SixtyNights} nights each.");
            }

            if (i > 0)
            {
                corrections.Add(correction);
                reads.Add(read.Elapsed.TotalMilliseconds);
            }
        }

        // The standings engine alone (no database): the same 780 scores.
        var scores = TriviaStandingsCalculator.WithPlaces(FeedGenerator.Scores(world, revision: 1));
        var names = world.SixtyTeams.ToDictionary(t => t.Id, t => t.Name);
        var engine = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = TriviaStandingsCalculator.Compute(TriviaStandingsCalculator.WithPlaces(FeedGenerator.Scores(world, revision: 1)), MidwestSports.Trivia.Domain.TriviaLeagueRules.Default, names);
            watch.Stop();
            if (i >= 20)
            {
                engine.Add(watch.Elapsed.TotalMilliseconds);
            }

            GC.KeepAlive(rows);
        }

        Report.WriteLine("| Measurement | Goal | Median | Min - max | Met? |");
        Report.WriteLine("|---|---|---:|---:|---|");
        Row($"Full sync, {feed.Results:N0} results created (empty schema)", "≤ 2 s", full.Select(t => t.Total.TotalMilliseconds).ToList(), 2000);
        Row("Re-run, nothing changed", "≤ 0.5 s", again.Select(t => t.Total.TotalMilliseconds).ToList(), 500);
        Row($"Standings of the {FeedGenerator.SixtyTeams}-team league ({FeedGenerator.SixtyNights} nights, {sixty.Results} results) read after one corrected night (`GetTriviaStandings` through the mediator)", "≤ 20 ms", reads, 20);
        Row("the correction itself: a sync of one night of 60 results", "", corrections.Select(t => t.Total.TotalMilliseconds).ToList(), null);
        Row($"the standings engine alone (`WithPlaces` + `Compute`, {scores.Count} scores, 200 runs)", "", engine, null);
        Report.WriteLine();
        Report.WriteLine("Where a sync's time goes (medians; \"fetch\" is paging through the feed and archiving each page, \"apply\" the rest of the run):");
        Report.WriteLine();
        Report.WriteLine("| Sync | Fetch + archive | Apply, count, commit | Total |");
        Report.WriteLine("|---|---:|---:|---:|");
        Phases("Full sync", full);
        Phases("Re-run, nothing changed", again);
        Phases("One corrected night", corrections);
    }

    private static void Row(string what, string goal, List<double> ms, double? limit)
    {
        var median = Median(ms);
        var met = limit is { } l ? (median <= l ? "yes" : "**no**") : string.Empty;
        Report.WriteLine($"| {what} | {goal} | {Format(median)} | {Format(ms.Min())} - {Format(ms.Max())} | {met} |");
    }

    private static void Phases(string what, List<SyncTiming> timings) =>
        Report.WriteLine($"| {what} | {Format(Median([.. timings.Select(t => t.Fetch.TotalMilliseconds)]))} | {Format(Median([.. timings.Select(t => (t.Total - t.Fetch).TotalMilliseconds)]))} | {Format(Median([.. timings.Select(t => t.Total.TotalMilliseconds)]))} |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double ms) => ms >= 100 ? $"{ms:N0} ms" : ms >= 1 ? $"{ms:N1} ms" : $"{ms * 1000:N0} µs";
}
