using System.Diagnostics;
using System.Text.RegularExpressions;
using MidwestSports.Leagues.Domain.Standings;

namespace LeagueOpsBench;

internal sealed record StandingsRun(
    string Title,
    int Teams,
    int Games,
    int Ties,
    int Forfeits,
    IReadOnlyList<double> Microseconds,
    StandingsTable Last,
    IReadOnlyList<int> WinPercentageTies);

/// <summary>A league's results and a way to change one of them, as an admin correcting a score would.</summary>
internal sealed class StandingsScenario(string title, List<StandingsTeam> teams, CompletedGame[] games, IReadOnlyDictionary<Guid, int> coinFlips, Func<Random, CompletedGame[], int> change)
{
    public string Title { get; } = title;

    public List<StandingsTeam> Teams { get; } = teams;

    public CompletedGame[] Games { get; } = games;

    public IReadOnlyDictionary<Guid, int> CoinFlips { get; } = coinFlips;

    /// <summary>Changes one result in place; returns the index changed.</summary>
    public Func<Random, CompletedGame[], int> Change { get; } = change;
}

internal static class StandingsBench
{
    /// <summary>Warm-up: at least this many runs and <see cref="WarmUpSeconds"/>, so hot methods reach tier-1 (PGO) code.</summary>
    public const int WarmUpRuns = 50;
    public const double WarmUpSeconds = 2;
    public const int TimedRuns = 200;
    public const int DifferentialCap = 10;

    public static StandingsRun Measure(StandingsScenario scenario)
    {
        var ties = scenario.Games.Count(g => g.ForfeitedBy is null && g.HomeScore == g.AwayScore);
        var forfeits = scenario.Games.Count(g => g.ForfeitedBy is not null);

        // Warm-up on a copy, so the timed runs (and the table printed from the last one) do not depend on how many
        // warm-up runs fit in the time.
        var warmUpGames = (CompletedGame[])scenario.Games.Clone();
        var warmUpRng = new Random(SeasonGenerator.Seed + 1);
        var warmUpStart = Stopwatch.GetTimestamp();
        for (var run = 0; run < WarmUpRuns || Stopwatch.GetElapsedTime(warmUpStart).TotalSeconds < WarmUpSeconds; run++)
        {
            scenario.Change(warmUpRng, warmUpGames);
            _ = StandingsCalculator.Compute(new StandingsInput(scenario.Teams, warmUpGames, TieBreakerRuleSets.Default, DifferentialCap, scenario.CoinFlips));
        }

        var rng = new Random(SeasonGenerator.Seed + 1);
        StandingsTable last = null!;
        var times = new List<double>(TimedRuns);
        for (var run = 0; run < TimedRuns; run++)
        {
            scenario.Change(rng, scenario.Games);
            var input = new StandingsInput(scenario.Teams, scenario.Games, TieBreakerRuleSets.Default, DifferentialCap, scenario.CoinFlips);
            var start = Stopwatch.GetTimestamp();
            last = StandingsCalculator.Compute(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var winTies = last.Rows
            .GroupBy(r => (r.Won * 2) + r.Tied) // every team played 19 games, so half-wins decide win %
            .Select(g => g.Count())
            .Where(c => c > 1)
            .OrderByDescending(c => c)
            .ToList();
        return new StandingsRun(
            scenario.Title,
            scenario.Teams.Count,
            scenario.Games.Length,
            ties,
            forfeits,
            times,
            last,
            winTies);
    }

    /// <summary>20 teams, full single round robin, random softball-ish scores, ~7% ties, 4 forfeits.</summary>
    public static StandingsScenario RandomLeague()
    {
        var rng = new Random(SeasonGenerator.Seed + 2);
        var teams = Teams(rng, "Random");
        var games = new List<CompletedGame>();
        for (var i = 0; i < teams.Count; i++)
        {
            for (var j = i + 1; j < teams.Count; j++)
            {
                var (home, away) = rng.Next(2) == 0 ? (teams[i], teams[j]) : (teams[j], teams[i]);
                var (h, a) = RandomScore(rng);
                games.Add(new CompletedGame(home.TeamId, away.TeamId, h, a));
            }
        }

        var shuffled = games.OrderBy(_ => rng.Next()).ToArray();
        for (var f = 0; f < 4; f++)
        {
            var g = shuffled[f * 37];
            var forfeiter = rng.Next(2) == 0 ? g.HomeTeamId : g.AwayTeamId;
            shuffled[f * 37] = forfeiter == g.HomeTeamId ? g with { HomeScore = 0, AwayScore = 7, ForfeitedBy = forfeiter } : g with { HomeScore = 7, AwayScore = 0, ForfeitedBy = forfeiter };
        }

        var flips = teams.Select((t, i) => (t.TeamId, Draw: i)).OrderBy(_ => rng.Next()).Select((x, i) => (x.TeamId, i)).ToDictionary(x => x.TeamId, x => x.i);
        return new StandingsScenario(
            "20 teams, random results",
            teams,
            shuffled,
            flips,
            (r, all) =>
            {
                // Re-score one non-forfeit game: the winner may change.
                int index;
                do
                {
                    index = r.Next(all.Length);
                }
                while (all[index].ForfeitedBy is not null);
                var (h, a) = RandomScore(r);
                all[index] = all[index] with { HomeScore = h, AwayScore = a };
                return index;
            });
    }

    /// <summary>
    /// 20 teams in win % tiers of 3, 4, 5, 4 and 4 teams: every team beats every team of a lower tier, and inside a tier
    /// each team has the same record (a cycle for odd sizes; win, loss and tie for 4). The first three tiers have random
    /// scores (points allowed, then head-to-head among the rest, decide); the last two have identical scores on every
    /// game, so they fall through to the coin flip: drawn for tier 4, not drawn for tier 5.
    /// </summary>
    public static StandingsScenario TiedLeague()
    {
        var rng = new Random(SeasonGenerator.Seed + 3);
        var teams = Teams(rng, "Tied");
        int[] sizes = [3, 4, 5, 4, 4];
        var tierOf = new int[teams.Count];
        var indexInTier = new int[teams.Count];
        for (int t = 0, team = 0; t < sizes.Length; t++)
        {
            for (var k = 0; k < sizes[t]; k++, team++)
            {
                tierOf[team] = t;
                indexInTier[team] = k;
            }
        }

        const int FixedTiers = 3; // tiers 3 and 4 (0-based) use fixed scores
        var games = new List<CompletedGame>();
        var random = new List<bool>();
        for (var i = 0; i < teams.Count; i++)
        {
            for (var j = i + 1; j < teams.Count; j++)
            {
                var fixedScores = tierOf[i] >= FixedTiers || tierOf[j] >= FixedTiers;
                int winner; // 0: i, 1: j, -1: tie
                if (tierOf[i] != tierOf[j])
                {
                    winner = 0; // i is in the higher tier
                }
                else
                {
                    var size = sizes[tierOf[i]];
                    var distance = (indexInTier[j] - indexInTier[i] + size) % size;
                    winner = size % 2 == 1
                        ? (distance <= size / 2 ? 0 : 1)
                        : distance == size / 2 ? -1 : distance == 1 ? 0 : 1;
                }

                var (w, l) = fixedScores ? (6, 2) : (rng.Next(5, 15), 0);
                if (!fixedScores)
                {
                    l = rng.Next(0, w);
                }

                var tie = fixedScores ? 4 : rng.Next(2, 9);
                var (si, sj) = winner switch { 0 => (w, l), 1 => (l, w), _ => (tie, tie) };
                games.Add(rng.Next(2) == 0 ? new CompletedGame(teams[i].TeamId, teams[j].TeamId, si, sj) : new CompletedGame(teams[j].TeamId, teams[i].TeamId, sj, si));
                random.Add(!fixedScores);
            }
        }

        var flips = Enumerable.Range(0, teams.Count).Where(i => tierOf[i] != 4).ToDictionary(i => teams[i].TeamId, i => (i * 7) % 20);
        var changeable = Enumerable.Range(0, games.Count).Where(i => random[i]).ToArray();
        return new StandingsScenario(
            "20 teams, win % tied in groups of 3-5",
            teams,
            [.. games],
            flips,
            (r, all) =>
            {
                // Re-score one random-score game, keeping its winner (or its tie), so the win % tiers stay tied.
                var index = changeable[r.Next(changeable.Length)];
                var g = all[index];
                int h, a;
                if (g.HomeScore == g.AwayScore)
                {
                    h = a = r.Next(2, 9);
                }
                else
                {
                    var w = r.Next(5, 15);
                    var l = r.Next(0, w);
                    (h, a) = g.HomeScore > g.AwayScore ? (w, l) : (l, w);
                }

                all[index] = g with { HomeScore = h, AwayScore = a };
                return index;
            });
    }

    /// <summary>Tie-breaker use in a table: the rule named in each "above the next team because" line.</summary>
    public static IReadOnlyList<(string Rule, int Count)> ReasonMix(StandingsTable table) =>
        [.. table.Rows
            .Where(r => r.AboveNextBecause is not null)
            .GroupBy(r => Rule(r.AboveNextBecause!))
            .Select(g => (Rule: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Rule, StringComparer.Ordinal)];

    /// <summary>"won head-to-head 1-0" and "allowed fewer points (40 vs 52)" without their numbers.</summary>
    private static string Rule(string because)
    {
        var cut = because.IndexOf(" (", StringComparison.Ordinal);
        var text = cut >= 0 ? because[..cut] : because;
        text = Regex.Replace(text, @"\s\d+-\d+(-\d+)?$", string.Empty);
        return Regex.Replace(text, @"\d+", "N");
    }

    private static (int Home, int Away) RandomScore(Random rng)
    {
        if (rng.NextDouble() < 0.07)
        {
            var both = rng.Next(1, 10);
            return (both, both);
        }

        var home = rng.Next(0, 16);
        var away = rng.Next(0, 16);
        return home == away ? (home + 1, away) : (home, away);
    }

    private static List<StandingsTeam> Teams(Random rng, string prefix)
    {
        string[] names = ["Bombers", "Sluggers", "Hops", "Brew Crew", "Lakers", "Badgers", "Gophers", "Cheesemakers", "Walleyes", "Loons",
            "Cyclones", "Comets", "Mudcats", "Owls", "Pioneers", "Rockets", "Sandlotters", "Thunder", "Vikings", "Yetis"];
        return [.. names.Select(n => new StandingsTeam(NewId(rng), $"{prefix} {n}"))];
    }

    private static Guid NewId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }
}
