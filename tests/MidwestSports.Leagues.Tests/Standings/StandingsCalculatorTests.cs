using System.Globalization;
using MidwestSports.Leagues.Domain.Standings;

namespace MidwestSports.Leagues.Tests.Standings;

[TestFixture]
internal sealed class StandingsCalculatorTests
{
    [Test]
    public void Compute_ThreeWayHeadToHeadCircle_FallsToPointsAllowed()
    {
        // A beat B, B beat C, C beat A: all 1-1 among themselves, so head-to-head cannot order them.
        var table = new LeagueTable("A", "B", "C", "D")
            .Game("A", 5, "B", 4)
            .Game("B", 6, "C", 5)
            .Game("C", 3, "A", 2)
            .Game("A", 10, "D", 0)
            .Game("B", 10, "D", 0)
            .Game("C", 10, "D", 0)
            .Compute(TieBreakerRuleSets.Standard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "C", "B", "D" }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("allowed fewer points (7 vs 8)"));
            Assert.That(table.Row("C").AboveNextBecause, Is.EqualTo("allowed fewer points (8 vs 10)"));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("better win % (.667 vs .000)"));
            Assert.That(table.Row("D").AboveNextBecause, Is.Null);
        }
    }

    [Test]
    public void Compute_PointsAllowedSeparatesOneOfThree_RemainingTwoRestartWithTheirOwnHeadToHead()
    {
        // A circle among A, B, C; A allowed the fewest. B and C allowed the same, and C has the better differential,
        // so carrying on down the three-team list would put C above B. Restarting makes it B's win over C that counts.
        var table = new LeagueTable("A", "B", "C", "D")
            .Game("A", 3, "B", 2)
            .Game("B", 4, "C", 3)
            .Game("C", 5, "A", 1)
            .Game("A", 1, "D", 0)
            .Game("B", 5, "D", 3)
            .Game("C", 6, "D", 4)
            .Compute(TieBreakerRuleSets.Standard);

        Assert.That(table.Row("C").CappedDifferential, Is.GreaterThan(table.Row("B").CappedDifferential), "precondition: C leads B on the next three-team rule");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "B", "C", "D" }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("allowed fewer points (7 vs 9)"));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("won head-to-head 1-0"));
            Assert.That(table.Row("C").AboveNextBecause, Is.EqualTo("better win % (.667 vs .000)"));
        }
    }

    [Test]
    public void Compute_FourWayTieLosesOneTeam_RemainingThreeRestartWithThreeTeamHeadToHead()
    {
        // D never met B, so four-way head-to-head does not apply; once points allowed drops D, A, B and C all met once.
        // The next four-team rule (capped differential) would have ordered them C, B, A.
        var table = new LeagueTable("A", "B", "C", "D", "X", "Y")
            .Game("A", 1, "B", 0)
            .Game("A", 1, "C", 0)
            .Game("B", 1, "C", 0)
            .Game("D", 1, "A", 0)
            .Game("Y", 1, "A", 0)
            .Game("B", 3, "X", 0)
            .Game("Y", 1, "B", 0)
            .Game("C", 5, "X", 0)
            .Game("C", 5, "X", 0)
            .Game("D", 1, "X", 0)
            .Game("Y", 20, "D", 0)
            .Game("Y", 20, "D", 0)
            .Compute(TieBreakerRuleSets.Standard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "Y", "A", "B", "C", "D", "X" }));
            Assert.That(table.Row("Y").AboveNextBecause, Is.EqualTo("better win % (1.000 vs .500)"));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("better head-to-head among the 3 tied teams (2-0 vs 1-1)"));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("better head-to-head among the 3 tied teams (1-1 vs 0-2)"));
            Assert.That(table.Row("C").AboveNextBecause, Is.EqualTo("allowed fewer points (2 vs 40)"));
        }
    }

    [Test]
    public void Compute_TiedTeamsDidNotMeetEquallyOften_HeadToHeadSkipped()
    {
        // A played B twice but C only once: A's 2-1 among them would put it first, yet that is not a fair comparison.
        var table = new LeagueTable("A", "B", "C", "D", "E")
            .Game("A", 2, "B", 1)
            .Game("A", 2, "B", 1)
            .Game("B", 1, "C", 0)
            .Game("C", 1, "A", 0)
            .Game("E", 9, "A", 0)
            .Game("B", 1, "D", 0)
            .Game("C", 1, "D", 0)
            .Game("E", 5, "C", 0)
            .Compute(TieBreakerRuleSets.Standard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "E", "B", "C", "A", "D" }));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("allowed fewer points (4 vs 6)"));
            Assert.That(table.Row("C").AboveNextBecause, Is.EqualTo("allowed fewer points (6 vs 12)"));
        }
    }

    [Test]
    public void Compute_TwoTiedTeamsNeverMet_HeadToHeadSkipped()
    {
        var table = new LeagueTable("A", "B", "X")
            .Game("B", 3, "X", 1)
            .Game("A", 3, "X", 0)
            .Compute(TieBreakerRuleSets.Standard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "B", "X" }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("allowed fewer points (0 vs 1)"));
        }
    }

    [TestCase(10, new[] { "Y", "B", "A", "X" }, "B", "better capped differential (+4 vs +2, capped at 10 per game)")]
    [TestCase(null, new[] { "Y", "A", "B", "X" }, "A", "better capped differential (+17 vs +4, no cap set)")]
    public void Compute_CappedDifferentialDecides_BlowoutCountsOnlyUpToTheCap(int? cap, string[] expectedOrder, string winner, string expectedReason)
    {
        // A's 25-0 blowout counts 10 under a cap of 10, which leaves A at +2 against B's steady +4.
        var table = new LeagueTable("A", "B", "X", "Y")
            .Game("A", 25, "X", 0)
            .Game("Y", 8, "A", 0)
            .Game("B", 6, "X", 0)
            .Game("Y", 2, "B", 0)
            .Compute(TieBreakerRuleSets.Differential, cap);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(expectedOrder));
            Assert.That(table.Row(winner).AboveNextBecause, Is.EqualTo(expectedReason));
            Assert.That(table.Row("A").Differential, Is.EqualTo(17));
            Assert.That(table.Row("A").CappedDifferential, Is.EqualTo(cap is null ? 17 : 2));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Compute_ForfeitWithHigherRecordedScore_ForfeitingTeamLosesAndScoresStillCount(bool forfeiterIsHome)
    {
        var league = new LeagueTable("A", "B");
        var table = (forfeiterIsHome ? league.Game("A", 10, "B", 7, forfeitedBy: "A") : league.Game("B", 7, "A", 10, forfeitedBy: "A"))
            .Compute();

        var a = table.Row("A");
        var b = table.Row("B");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "B", "A" }));
            Assert.That((a.Played, a.Won, a.Lost, a.Tied, a.Forfeits), Is.EqualTo((1, 0, 1, 0, 1)));
            Assert.That((a.PointsFor, a.PointsAgainst, a.Differential), Is.EqualTo((10, 7, 3)));
            Assert.That((b.Played, b.Won, b.Lost, b.Tied, b.Forfeits), Is.EqualTo((1, 1, 0, 0, 0)));
            Assert.That((b.PointsFor, b.PointsAgainst, b.Differential), Is.EqualTo((7, 10, -3)));
            Assert.That(b.AboveNextBecause, Is.EqualTo("better win % (1.000 vs .000)"));
        }
    }

    [TestCase(3, 1, 0, "0.750")]
    [TestCase(5, 3, 0, "0.625")]
    [TestCase(1, 1, 1, "0.500")]
    [TestCase(2, 0, 1, "0.833")]
    [TestCase(0, 2, 1, "0.167")]
    [TestCase(0, 0, 2, "0.500")]
    [TestCase(1, 0, 0, "1.000")]
    [TestCase(0, 3, 0, "0.000")]
    public void Compute_RecordWithTies_WinPercentageCountsTiesAsHalfWins(int won, int lost, int tied, string expected)
    {
        var league = new LeagueTable("Team", "Opponent");
        for (var i = 0; i < won; i++)
        {
            league.Game("Team", 2, "Opponent", 1);
        }

        for (var i = 0; i < lost; i++)
        {
            league.Game("Opponent", 2, "Team", 1);
        }

        for (var i = 0; i < tied; i++)
        {
            league.Game("Team", 1, "Opponent", 1);
        }

        var row = league.Compute().Row("Team");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((row.Played, row.Won, row.Lost, row.Tied), Is.EqualTo((won + lost + tied, won, lost, tied)));
            Assert.That(row.WinPercentage.ToString("0.000", CultureInfo.InvariantCulture), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Compute_CoinFlipDrawn_LowerDrawWinsAndSaysSo()
    {
        var table = IdenticalPair().Flip("A", 2).Flip("B", 1).Compute();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "B", "A", "X" }));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("won the recorded coin flip"));
            Assert.That(table.NeedsCoinFlip, Is.Empty);
        }
    }

    [TestCase(false, TestName = "Compute_CoinFlipNotDrawn_TiedTeamsListedByNameAndNeedCoinFlip")]
    [TestCase(true, TestName = "Compute_CoinFlipDrawnForOnlyOneTeam_TiedTeamsListedByNameAndNeedCoinFlip")]
    public void Compute_CoinFlipMissing_TiedTeamsListedByNameAndNeedCoinFlip(bool oneDrawn)
    {
        var league = IdenticalPair();
        if (oneDrawn)
        {
            league.Flip("B", 1);
        }

        var table = league.Compute();

        using (Assert.EnterMultipleScope())
        {
            // Ids run against names in LeagueTable, so this is name order, not id order.
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "B", "X" }));
            Assert.That(table.Rows.Select(row => row.Position), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("tied on every rule; coin flip not drawn yet"));
            Assert.That(table.NeedsCoinFlip, Is.EqualTo(new[] { league.Id("A"), league.Id("B") }));
        }
    }

    [Test]
    public void Compute_CoinFlipDrawsEqual_StillNeedsCoinFlip()
    {
        var league = IdenticalPair().Flip("A", 1).Flip("B", 1);

        var table = league.Compute();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "B", "X" }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("tied on every rule; the recorded coin flip draws are equal"));
            Assert.That(table.NeedsCoinFlip, Is.EqualTo(new[] { league.Id("A"), league.Id("B") }));
        }
    }

    [TestCase("standard", new[] { "E", "A", "B", "C", "D" }, "A", "better head-to-head among the 3 tied teams (2-0 vs 1-1)")]
    [TestCase("softball", new[] { "E", "C", "B", "A", "D" }, "C", "allowed fewer points (2 vs 11)")]
    public void Compute_ThreeWayTie_UsesTheMultiTeamList(string ruleSet, string[] expectedOrder, string top, string expectedReason)
    {
        // Head-to-head says A, B, C; points allowed says C, B, A. Softball's three-team list has no head-to-head.
        var table = new LeagueTable("A", "B", "C", "D", "E")
            .Game("A", 1, "B", 0)
            .Game("A", 1, "C", 0)
            .Game("B", 1, "C", 0)
            .Game("E", 20, "A", 0)
            .Game("E", 20, "A", 0)
            .Game("B", 1, "D", 0)
            .Game("E", 10, "B", 0)
            .Game("C", 1, "D", 0)
            .Game("C", 1, "D", 0)
            .Compute(TieBreakerRuleSets.Find(ruleSet));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(expectedOrder));
            Assert.That(table.Row(top).AboveNextBecause, Is.EqualTo(expectedReason));
        }
    }

    [Test]
    public void Compute_TwoWayTieInSoftball_UsesTheTwoTeamListWithHeadToHead()
    {
        // A allowed fewer, which would win under the three-team list; with two teams their game decides.
        var table = new LeagueTable("A", "B", "X", "Y")
            .Game("B", 3, "A", 2)
            .Game("A", 1, "X", 0)
            .Game("Y", 9, "B", 0)
            .Compute(TieBreakerRuleSets.Softball);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "Y", "B", "A", "X" }));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("won head-to-head 1-0"));
        }
    }

    [Test]
    public void Compute_MultiTeamListSeparatesOne_LastTwoSwitchToTheTwoTeamList()
    {
        // Differential's three-team list skips head-to-head and would put C (fewer allowed) above B;
        // once A is separated, B and C are a two-team tie and B's win over C decides.
        var table = new LeagueTable("A", "B", "C", "X", "Y")
            .Game("A", 15, "X", 0)
            .Game("Y", 1, "A", 0)
            .Game("B", 2, "C", 1)
            .Game("Y", 4, "B", 3)
            .Game("C", 1, "X", 0)
            .Compute(TieBreakerRuleSets.Differential, cap: 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "Y", "A", "B", "C", "X" }));
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo("better capped differential (+9 vs 0, capped at 10 per game)"));
            Assert.That(table.Row("B").AboveNextBecause, Is.EqualTo("won head-to-head 1-0"));
            Assert.That(table.Row("C").PointsAgainst, Is.LessThan(table.Row("B").PointsAgainst), "precondition: C leads B on points allowed");
        }
    }

    [TestCaseSource(nameof(DecidingRules))]
    public void Compute_RuleDecides_AboveNextBecauseNamesTheRuleWithFigures(LeagueTable league, TieBreakerRuleSet rules, int? cap, string expected)
    {
        var table = league.Compute(rules, cap);

        var names = table.Names();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Array.IndexOf(names, "B"), Is.EqualTo(Array.IndexOf(names, "A") + 1), "A sits right above B");
            Assert.That(table.Row("A").AboveNextBecause, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Compute_NoGames_AllZerosOrderedByNameWithoutCoinFlip()
    {
        var league = new LeagueTable("Pickle Jar", "ace", "Bunters");

        var table = league.Compute();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Names(), Is.EqualTo(new[] { "ace", "Bunters", "Pickle Jar" }));
            Assert.That(table.Rows.Select(row => row.Position), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(
                table.Rows.Select(row => (row.Played, row.Won, row.Lost, row.Tied, row.Forfeits, row.WinPercentage, row.PointsFor, row.PointsAgainst, row.Differential, row.CappedDifferential)),
                Has.All.EqualTo((0, 0, 0, 0, 0, 0m, 0, 0, 0, 0)));
            Assert.That(table.Rows.Select(row => row.AboveNextBecause), Is.EqualTo(new[] { "no games played yet; listed by name", "no games played yet; listed by name", null }));
            Assert.That(table.NeedsCoinFlip, Is.Empty);
            Assert.That(table.Rules, Is.SameAs(TieBreakerRuleSets.Standard));
        }
    }

    [Test]
    public void Compute_TeamWithoutGamesAmongPlayedTeams_AppearsWithZeros()
    {
        var table = new LeagueTable("A", "B", "C").Game("A", 1, "B", 0).Compute();

        var c = table.Row("C");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((c.Played, c.Won, c.Lost, c.WinPercentage, c.PointsFor, c.PointsAgainst), Is.EqualTo((0, 0, 0, 0m, 0, 0)));
            Assert.That(table.Names(), Is.EqualTo(new[] { "A", "C", "B" }));
            Assert.That(c.AboveNextBecause, Is.EqualTo("allowed fewer points (0 vs 1)"));
        }
    }

    [Test]
    public void Compute_GameWithTeamOutsideTheStandings_Throws()
    {
        var league = new LeagueTable("A", "B");
        var input = new StandingsInput(
            [new StandingsTeam(league.Id("A"), "A"), new StandingsTeam(league.Id("B"), "B")],
            [new CompletedGame(league.Id("A"), Guid.NewGuid(), 1, 0)],
            TieBreakerRuleSets.Standard,
            null,
            new Dictionary<Guid, int>());

        Assert.That(() => StandingsCalculator.Compute(input), Throws.ArgumentException);
    }

    [Test]
    public void Compute_ForfeitByTeamNotInTheGame_Throws()
    {
        var a = new StandingsTeam(Guid.NewGuid(), "A");
        var b = new StandingsTeam(Guid.NewGuid(), "B");
        var c = new StandingsTeam(Guid.NewGuid(), "C");
        var input = new StandingsInput(
            [a, b, c],
            [new CompletedGame(a.TeamId, b.TeamId, 7, 0, ForfeitedBy: c.TeamId)],
            TieBreakerRuleSets.Standard,
            null,
            new Dictionary<Guid, int>());

        Assert.That(() => StandingsCalculator.Compute(input), Throws.ArgumentException);
    }

    private static IEnumerable<TestCaseData> DecidingRules()
    {
        yield return Case(
            "win %",
            Repeat(new LeagueTable("A", "B", "X"), ("A", "X", 3), ("X", "A", 1), ("B", "X", 5), ("X", "B", 3)),
            TieBreakerRuleSets.Standard,
            null,
            "better win % (.750 vs .625)");
        yield return Case(
            "two-team head-to-head",
            new LeagueTable("A", "B", "X", "Y")
                .Game("A", 5, "B", 3).Game("A", 4, "B", 2).Game("B", 6, "A", 1)
                .Game("Y", 1, "A", 0).Game("B", 1, "X", 0),
            TieBreakerRuleSets.Standard,
            null,
            "won head-to-head 2-1");
        yield return Case(
            "multi-team head-to-head",
            new LeagueTable("A", "B", "C", "X", "Y")
                .Game("A", 2, "B", 1).Game("A", 2, "B", 1)
                .Game("A", 2, "C", 1).Game("C", 2, "A", 1)
                .Game("B", 2, "C", 1).Game("B", 2, "C", 1)
                .Game("Y", 1, "A", 0).Game("Y", 1, "A", 0)
                .Game("B", 1, "X", 0).Game("Y", 1, "B", 0)
                .Game("C", 1, "X", 0).Game("C", 1, "X", 0),
            TieBreakerRuleSets.Standard,
            null,
            "better head-to-head among the 3 tied teams (3-1 vs 2-2)");
        yield return Case(
            "two-team head-to-head with a tie",
            new LeagueTable("A", "B")
                .Game("A", 2, "B", 1).Game("B", 2, "A", 1).Game("A", 3, "B", 3).Game("A", 4, "B", 0),
            LeagueTable.Rules(TieBreaker.HeadToHead),
            null,
            "won head-to-head 2-1-1");
        yield return Case(
            "points allowed",
            new LeagueTable("A", "B", "X").Game("A", 50, "X", 31).Game("B", 50, "X", 40),
            TieBreakerRuleSets.Standard,
            null,
            "allowed fewer points (31 vs 40)");
        yield return Case(
            "capped differential",
            new LeagueTable("A", "B", "X").Game("A", 20, "X", 0).Game("A", 2, "X", 0).Game("B", 8, "X", 0).Game("B", 1, "X", 0),
            TieBreakerRuleSets.Differential,
            10,
            "better capped differential (+12 vs +9, capped at 10 per game)");
        yield return Case(
            "differential",
            new LeagueTable("A", "B", "X").Game("A", 12, "X", 0).Game("B", 9, "X", 0),
            LeagueTable.Rules(TieBreaker.WinPercentage, TieBreaker.Differential, TieBreaker.CoinFlip),
            null,
            "better differential (+12 vs +9)");
        yield return Case(
            "points scored",
            new LeagueTable("A", "B", "X").Game("A", 55, "X", 50).Game("B", 48, "X", 43),
            LeagueTable.Rules(TieBreaker.WinPercentage, TieBreaker.PointsScored, TieBreaker.CoinFlip),
            null,
            "scored more points (55 vs 48)");
        yield return Case(
            "fewest forfeits",
            new LeagueTable("A", "B", "X", "Y")
                .Game("A", 1, "Y", 0).Game("X", 2, "A", 0)
                .Game("B", 1, "Y", 0).Game("B", 0, "X", 7, forfeitedBy: "B"),
            TieBreakerRuleSets.ForfeitsFirst,
            null,
            "fewer forfeits (0 vs 1)");
        yield return Case(
            "coin flip",
            IdenticalPair().Flip("A", 1).Flip("B", 2),
            TieBreakerRuleSets.Standard,
            null,
            "won the recorded coin flip");
        yield return Case(
            "no coin flip",
            IdenticalPair(),
            TieBreakerRuleSets.Standard,
            null,
            "tied on every rule; coin flip not drawn yet");
        yield return Case(
            "no coin flip in the rules",
            IdenticalPair(),
            LeagueTable.Rules(TieBreaker.WinPercentage, TieBreaker.PointsAllowed),
            null,
            "tied on every rule");

        static TestCaseData Case(string rule, LeagueTable league, TieBreakerRuleSet rules, int? cap, string expected) =>
            new TestCaseData(league, rules, cap, expected).SetArgDisplayNames(rule);
    }

    /// <summary>A and B with the very same record, one win each over X by the same score.</summary>
    private static LeagueTable IdenticalPair() => new LeagueTable("A", "B", "X").Game("A", 5, "X", 3).Game("B", 5, "X", 3);

    private static LeagueTable Repeat(LeagueTable league, params (string Winner, string Loser, int Times)[] results)
    {
        foreach (var (winner, loser, times) in results)
        {
            for (var i = 0; i < times; i++)
            {
                league.Game(winner, 1, loser, 0);
            }
        }

        return league;
    }
}
