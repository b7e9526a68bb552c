using MidwestSports.Leagues.Domain.Brackets;

namespace MidwestSports.Leagues.Tests.Brackets;

internal sealed class BracketPlannerTests
{
    private static readonly int[] AllEntrantCounts = Enumerable.Range(2, 63).ToArray();

    private static IEnumerable<TestCaseData> EveryFormatAndCount() =>
        from format in Enum.GetValues<BracketFormat>()
        from entrants in AllEntrantCounts
        select new TestCaseData(format, entrants);

    [TestCase(1)]
    [TestCase(65)]
    public void Plan_EntrantsOutOfRange_Throws(int entrants)
    {
        Assert.That(() => BracketPlanner.Plan(BracketFormat.SingleElimination, entrants), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCaseSource(nameof(EveryFormatAndCount))]
    public void Plan_AnyBracket_CodesAreUniqueAndFeedersComeFirst(BracketFormat format, int entrants)
    {
        var plan = BracketPlanner.Plan(format, entrants);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var match in plan.Matches)
        {
            foreach (var source in new[] { match.Home, match.Away })
            {
                Assert.That(source.Seed is not null ^ source.FromMatch is not null, Is.True, $"{match.Code} takes a seed or a match, not both");
                if (source.FromMatch is not null)
                {
                    Assert.That(seen, Does.Contain(source.FromMatch), $"{match.Code} is listed before its feeder {source.FromMatch}");
                }
            }

            Assert.That(seen.Add(match.Code), Is.True, $"{match.Code} is listed twice");
        }
    }

    [TestCase(2, 1, 1)]
    [TestCase(3, 3, 2)]
    [TestCase(6, 7, 3)]
    [TestCase(8, 7, 3)]
    [TestCase(16, 15, 4)]
    [TestCase(64, 63, 6)]
    public void Plan_SingleElimination_IsOneWinnersBracketOfSizeMinusOneMatches(int entrants, int matches, int rounds)
    {
        var plan = BracketPlanner.Plan(BracketFormat.SingleElimination, entrants);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Matches, Has.Count.EqualTo(matches));
            Assert.That(plan.Matches.Select(m => m.Side), Is.All.EqualTo(BracketSide.Winners));
            Assert.That(plan.Matches.Max(m => m.Round), Is.EqualTo(rounds));
            Assert.That(plan.Matches[^1].Code, Is.EqualTo($"W{rounds}-1"));
        }
    }

    [Test]
    public void Plan_SingleEliminationOfEight_LaterRoundsTakeWinnersOfTheirTwoFeeders()
    {
        var plan = BracketPlanner.Plan(BracketFormat.SingleElimination, 8);
        var match = plan.Matches.Single(m => m.Code == "W2-2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(match.Home, Is.EqualTo(SlotSource.WinnerOf("W1-3")));
            Assert.That(match.Away, Is.EqualTo(SlotSource.WinnerOf("W1-4")));
            Assert.That(plan.Matches.Single(m => m.Code == "W1-2").Home, Is.EqualTo(SlotSource.OfSeed(4)));
            Assert.That(plan.Matches.Single(m => m.Code == "W1-2").Away, Is.EqualTo(SlotSource.OfSeed(5)));
        }
    }

    [TestCase(2, 1, 0)]
    [TestCase(4, 3, 2)]
    [TestCase(5, 7, 6)]
    [TestCase(8, 7, 6)]
    [TestCase(16, 15, 14)]
    [TestCase(64, 63, 62)]
    public void Plan_DoubleElimination_HasWinnersLosersAndTwoFinals(int entrants, int winnersMatches, int losersMatches)
    {
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants);
        var finals = plan.Matches.Where(m => m.Side == BracketSide.Final).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Matches.Count(m => m.Side == BracketSide.Winners), Is.EqualTo(winnersMatches));
            Assert.That(plan.Matches.Count(m => m.Side == BracketSide.Losers), Is.EqualTo(losersMatches));
            Assert.That(finals.Select(m => m.Code), Is.EqualTo(new[] { "GF", "GF2" }));
            Assert.That(finals.Select(m => m.IfNecessary), Is.EqualTo(new[] { false, true }));
            Assert.That(finals[0].Home, Is.EqualTo(SlotSource.WinnerOf(plan.Matches.Last(m => m.Side == BracketSide.Winners).Code)));
        }
    }

    [TestCaseSource(nameof(AllEntrantCounts))]
    public void Plan_DoubleElimination_EveryWinnersLoserDropsOnceAndLosersBracketLosersAreOut(int entrants)
    {
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants);
        // The reset replays the grand final, so it is the one match that takes a loser other than a winners one.
        var takenLosers = plan.Matches
            .Where(m => !m.IfNecessary)
            .SelectMany(m => new[] { m.Home, m.Away })
            .Where(s => s.TakesLoser)
            .Select(s => s.FromMatch!)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(takenLosers, Is.Unique);
            Assert.That(takenLosers, Is.EquivalentTo(plan.Matches.Where(m => m.Side == BracketSide.Winners).Select(m => m.Code)));
        }
    }

    [TestCase(4)]
    [TestCase(8)]
    [TestCase(32)]
    public void Plan_DoubleElimination_LosersOfWinnersRoundOneMeetInLosersRoundOne(int entrants)
    {
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants);
        var firstLosersRound = plan.Matches.Where(m => m.Side == BracketSide.Losers && m.Round == 1).ToList();

        Assert.That(firstLosersRound, Has.Count.EqualTo(entrants / 4));
        for (var position = 1; position <= firstLosersRound.Count; position++)
        {
            var match = firstLosersRound[position - 1];
            Assert.That(
                (match.Code, match.Home, match.Away),
                Is.EqualTo(($"L1-{position}", SlotSource.LoserOf($"W1-{(2 * position) - 1}"), SlotSource.LoserOf($"W1-{2 * position}"))));
        }
    }

    [Test]
    public void Plan_DoubleEliminationOfEight_SecondRoundLosersDropInReverse()
    {
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Matches.Single(m => m.Code == "L2-1").Home, Is.EqualTo(SlotSource.LoserOf("W2-2")));
            Assert.That(plan.Matches.Single(m => m.Code == "L2-1").Away, Is.EqualTo(SlotSource.WinnerOf("L1-1")));
            Assert.That(plan.Matches.Single(m => m.Code == "L2-2").Home, Is.EqualTo(SlotSource.LoserOf("W2-1")));
            Assert.That(plan.Matches.Single(m => m.Code == "L4-1").Home, Is.EqualTo(SlotSource.LoserOf("W3-1")));
            Assert.That(plan.Matches.Single(m => m.Code == "GF").Away, Is.EqualTo(SlotSource.WinnerOf("L4-1")));
        }
    }

    /// <summary>
    /// The drop placement keeps teams that met in the winners bracket apart in the losers bracket for as long as
    /// this: the first losers round in which two teams that may already have played each other can meet.
    /// </summary>
    [TestCase(4, 2)]
    [TestCase(8, 3)]
    [TestCase(16, 4)]
    [TestCase(32, 5)]
    [TestCase(64, 7)]
    public void Plan_DoubleElimination_FirstPossibleRematchIsLate(int entrants, int firstRoundWithRematch)
    {
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants);

        // For each winners match, the winners matches below it: a team that lost in one of those may have lost to
        // the team that later lost this one.
        var below = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var arrivals = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int? firstRematch = null;
        foreach (var match in plan.Matches)
        {
            if (match.Side == BracketSide.Winners)
            {
                below[match.Code] = [.. Feeders(match.Home, below), .. Feeders(match.Away, below)];
                continue;
            }

            if (match.Side != BracketSide.Losers)
            {
                continue;
            }

            // The winners matches whose losers can turn up on each side of this losers match.
            var home = Arrivals(match.Home, arrivals);
            var away = Arrivals(match.Away, arrivals);
            var rematch = home.Any(h => away.Any(a => below[a].Contains(h) || below[h].Contains(a)));
            if (rematch && firstRematch is null)
            {
                firstRematch = match.Round;
            }

            arrivals[match.Code] = [.. home, .. away];
        }

        Assert.That(firstRematch, Is.EqualTo(firstRoundWithRematch));
    }

    private static IEnumerable<string> Feeders(SlotSource source, Dictionary<string, HashSet<string>> below) =>
        source.FromMatch is { } code ? below[code].Append(code) : [];

    private static HashSet<string> Arrivals(SlotSource source, Dictionary<string, HashSet<string>> arrivals) =>
        source.TakesLoser ? [source.FromMatch!] : arrivals[source.FromMatch!];
}
