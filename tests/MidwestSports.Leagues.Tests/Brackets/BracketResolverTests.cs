using MidwestSports.Leagues.Domain.Brackets;
using static MidwestSports.Leagues.Tests.Brackets.BracketSimulation;

namespace MidwestSports.Leagues.Tests.Brackets;

internal sealed class BracketResolverTests
{
    private static readonly Dictionary<string, Guid> NoResults = new(StringComparer.Ordinal);

    private static readonly int[] EntrantCounts = Enumerable.Range(2, 31).ToArray();

    private static readonly int[] DoubleEliminationCounts = [2, 3, 4, 5, 6, 7, 8, 11, 16, 23, 32];

    private static readonly int[] RandomSeeds = [1, 7, 42, 2024];

    private static IEnumerable<TestCaseData> Pickers()
    {
        yield return new TestCaseData((Func<MatchState, Guid>)HigherSeedWins).SetArgDisplayNames("higher seed wins");
        yield return new TestCaseData((Func<MatchState, Guid>)LowerSeedWins).SetArgDisplayNames("lower seed wins");
        foreach (var seed in RandomSeeds)
        {
            yield return new TestCaseData(RandomWinners(seed)).SetArgDisplayNames($"random {seed}");
        }
    }

    private static IEnumerable<TestCaseData> SingleEliminationRuns() =>
        from entrants in EntrantCounts
        from picker in Pickers()
        select new TestCaseData(entrants, picker.Arguments[0]).SetArgDisplayNames($"{entrants}", picker.TestName ?? "");

    private static IEnumerable<TestCaseData> DoubleEliminationRuns()
    {
        foreach (var entrants in DoubleEliminationCounts)
        {
            yield return new TestCaseData(entrants, (Func<MatchState, Guid>)HigherSeedWins).SetArgDisplayNames($"{entrants}", "higher seed wins");
            yield return new TestCaseData(entrants, (Func<MatchState, Guid>)LowerSeedWins).SetArgDisplayNames($"{entrants}", "lower seed wins");
            foreach (var seed in RandomSeeds)
            {
                yield return new TestCaseData(entrants, RandomWinners(seed * entrants)).SetArgDisplayNames($"{entrants}", $"random {seed}");
            }
        }
    }

    [Test]
    public void Resolve_SixEntrantsNoResults_TopTwoSeedsAdvanceOnByes()
    {
        var teams = EntrantTeams(6);
        var states = BracketResolver.Resolve(BracketPlanner.Plan(BracketFormat.SingleElimination, 6), teams, NoResults);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states.Match("W1-1"), Is.EqualTo(Expected("W1-1", 1, 1, teams.Seed(1), null, 1, null, isBye: true, winner: teams.Seed(1))));
            Assert.That(states.Match("W1-4"), Is.EqualTo(Expected("W1-4", 1, 4, teams.Seed(2), null, 2, null, isBye: true, winner: teams.Seed(2))));
            Assert.That(states.Match("W1-2").IsBye, Is.False);
            Assert.That(states.Match("W1-3").IsBye, Is.False);
            Assert.That((states.Match("W2-1").Home, states.Match("W2-1").HomeSeed, states.Match("W2-1").Away), Is.EqualTo((teams.Seed(1), 1, (Guid?)null)));
            Assert.That((states.Match("W2-2").Away, states.Match("W2-2").AwaySeed, states.Match("W2-2").Home), Is.EqualTo((teams.Seed(2), 2, (Guid?)null)));
            Assert.That(states.Count(IsReadyToPlay), Is.EqualTo(2));
        }
    }

    [Test]
    public void Resolve_SingleEliminationResultsRecorded_WinnersAdvance()
    {
        var teams = EntrantTeams(8);
        var plan = BracketPlanner.Plan(BracketFormat.SingleElimination, 8);

        var afterOne = BracketResolver.Resolve(plan, teams, new Dictionary<string, Guid> { ["W1-1"] = teams.Seed(1) });
        var afterTwo = BracketResolver.Resolve(plan, teams, new Dictionary<string, Guid> { ["W1-1"] = teams.Seed(1), ["W1-2"] = teams.Seed(5) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterOne.Match("W1-1"), Is.EqualTo(Expected("W1-1", 1, 1, teams.Seed(1), teams.Seed(8), 1, 8, isBye: false, teams.Seed(1), teams.Seed(8))));
            Assert.That(afterOne.Match("W2-1"), Is.EqualTo(Expected("W2-1", 2, 1, teams.Seed(1), null, 1, null, isBye: false)));
            Assert.That(afterTwo.Match("W2-1"), Is.EqualTo(Expected("W2-1", 2, 1, teams.Seed(1), teams.Seed(5), 1, 5, isBye: false)));
            Assert.That(afterTwo.Match("W3-1").Home, Is.Null);
            Assert.That(BracketResolver.Champion(afterTwo), Is.Null);
        }
    }

    [TestCaseSource(nameof(SingleEliminationRuns))]
    public void Resolve_SingleEliminationAllPlayed_ChampionWonFinalAfterEntrantsMinusOneGames(int entrants, Func<MatchState, Guid> pick)
    {
        var teams = EntrantTeams(entrants);
        var plan = BracketPlanner.Plan(BracketFormat.SingleElimination, entrants);

        var run = Play(plan, teams, pick);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Games, Has.Count.EqualTo(entrants - 1));
            Assert.That(run.Champion, Is.Not.Null.And.EqualTo(run.States[^1].Winner));
            Assert.That(teams.Where(t => t != run.Champion).Select(run.LossesOf), Is.All.EqualTo(1));
            Assert.That(run.LossesOf(run.Champion!.Value), Is.Zero);
        }
    }

    [TestCaseSource(nameof(EntrantCounts))]
    public void Resolve_SingleEliminationHigherSeedsWin_TopSeedIsChampion(int entrants)
    {
        var teams = EntrantTeams(entrants);

        var run = Play(BracketPlanner.Plan(BracketFormat.SingleElimination, entrants), teams, HigherSeedWins);

        Assert.That(run.Champion, Is.EqualTo(teams.Seed(1)));
    }

    [TestCaseSource(nameof(DoubleEliminationRuns))]
    public void Resolve_DoubleEliminationAllPlayed_EveryoneButChampionHasTwoLosses(int entrants, Func<MatchState, Guid> pick)
    {
        var teams = EntrantTeams(entrants);
        var run = Play(BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants), teams, pick);
        var resetPlayed = run.States.Match("GF2").Needed;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Champion, Is.Not.Null);
            Assert.That(teams.Where(t => t != run.Champion).Select(run.LossesOf), Is.All.EqualTo(2));
            Assert.That(run.LossesOf(run.Champion!.Value), Is.EqualTo(resetPlayed ? 1 : 0));
            Assert.That(run.Games, Has.Count.EqualTo(resetPlayed ? (2 * entrants) - 1 : (2 * entrants) - 2));
            Assert.That(run.States.Where(s => s.Needed).Select(s => s.Winner), Is.All.Not.Null, "every match that is needed got decided");
        }
    }

    [TestCase(4)]
    [TestCase(6)]
    [TestCase(8)]
    [TestCase(16)]
    public void Resolve_DoubleEliminationRoundOnePlayed_LosersDropIntoLosersRoundOne(int entrants)
    {
        var teams = EntrantTeams(entrants);
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, entrants);
        var firstRound = BracketResolver.Resolve(plan, teams, NoResults).Where(s => s.Code.StartsWith("W1-", StringComparison.Ordinal) && !s.IsBye);
        var winners = firstRound.ToDictionary(s => s.Code, HigherSeedWins, StringComparer.Ordinal);

        var states = BracketResolver.Resolve(plan, teams, winners);

        for (var position = 1; position <= Seeding.BracketSize(entrants) / 4; position++)
        {
            var match = states.Match($"L1-{position}");
            var upper = states.Match($"W1-{(2 * position) - 1}");
            var lower = states.Match($"W1-{2 * position}");
            Assert.That((match.Home, match.Away), Is.EqualTo((upper.Loser, lower.Loser)), match.Code);
            Assert.That(match.IsBye, Is.EqualTo(upper.IsBye ^ lower.IsBye), match.Code);
        }
    }

    [Test]
    public void Resolve_FiveEntrantsDoubleElimination_LosersMatchOfTwoByesIsNotNeededAndCarriesNobody()
    {
        // W1-3 (3 v 6) and W1-4 (2 v 7) are byes, so L1-2, fed by their losers, holds nobody at all.
        var teams = EntrantTeams(5);
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, 5);

        var states = BracketResolver.Resolve(plan, teams, NoResults);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states.Match("L1-2"), Is.EqualTo(Expected("L1-2", 1, 2, null, null, null, null, isBye: false, side: BracketSide.Losers, needed: false)));
            Assert.That(states.Match("L2-2").IsBye, Is.True, "the loser of W2-1 drops in against nobody");
            Assert.That(states.Match("L1-1").IsBye, Is.True);
        }
    }

    [Test]
    public void Resolve_LosersChampionWinsGrandFinal_ResetIsNeeded()
    {
        var teams = EntrantTeams(4);
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, 4);
        var run = Play(plan, teams, m => m.Code == "GF" ? m.Away!.Value : HigherSeedWins(m));
        var grandFinal = run.States.Match("GF");
        var reset = run.States.Match("GF2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((grandFinal.Home, grandFinal.Away, grandFinal.Winner), Is.EqualTo((teams.Seed(1), teams.Seed(2), teams.Seed(2))));
            Assert.That(reset, Is.EqualTo(Expected("GF2", 2, 1, teams.Seed(1), teams.Seed(2), 1, 2, isBye: false, teams.Seed(1), teams.Seed(2), BracketSide.Final)));
            Assert.That(run.Champion, Is.EqualTo(teams.Seed(1)));
        }
    }

    [Test]
    public void Resolve_WinnersChampionWinsGrandFinal_ResetIsNotNeeded()
    {
        var teams = EntrantTeams(4);
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, 4);

        var run = Play(plan, teams, HigherSeedWins);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.States.Match("GF").Winner, Is.EqualTo(teams.Seed(1)));
            Assert.That(run.States.Match("GF2"), Is.EqualTo(Expected("GF2", 2, 1, null, null, null, null, isBye: false, side: BracketSide.Final, needed: false)));
            Assert.That(run.Champion, Is.EqualTo(teams.Seed(1)));
        }
    }

    [Test]
    public void Resolve_GrandFinalNotPlayedYet_ResetIsNotNeededAndNobodyIsChampion()
    {
        var teams = EntrantTeams(4);
        var plan = BracketPlanner.Plan(BracketFormat.DoubleElimination, 4);
        var winners = new Dictionary<string, Guid>(Play(plan, teams, HigherSeedWins).Winners, StringComparer.Ordinal);
        winners.Remove("GF");

        var states = BracketResolver.Resolve(plan, teams, winners);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(states.Match("GF").Needed, Is.True);
            Assert.That(states.Match("GF2").Needed, Is.False);
            Assert.That(BracketResolver.Champion(states), Is.Null);
        }
    }

    /// <param name="seed">The seed named as winner; null: a team not in the bracket.</param>
    [TestCase("W1-1", null, "Team 00000000-0000-0000-0000-000000000000 is not playing in match W1-1.")]
    [TestCase("W1-1", 2, "is not playing in match W1-1")]
    [TestCase("W2-1", 1, "Match W2-1 is not ready: its teams are not known yet.")]
    [TestCase("W3-1", 1, "Match W3-1 is not ready")]
    [TestCase("GF2", 1, "Match GF2 is not played")]
    [TestCase("W9-9", 1, "There is no match W9-9 in this bracket.")]
    public void Resolve_WinnerThatDoesNotFit_ThrowsWithReason(string code, int? seed, string message)
    {
        var teams = EntrantTeams(8);
        var winner = seed is { } s ? teams.Seed(s) : Guid.Empty;
        var winners = new Dictionary<string, Guid>(StringComparer.Ordinal) { [code] = winner };

        Assert.That(
            () => BracketResolver.Resolve(BracketPlanner.Plan(BracketFormat.DoubleElimination, 8), teams, winners),
            Throws.ArgumentException.With.Message.Contains(message));
    }

    [TestCase(2, "Match W1-1 is a bye")]
    [TestCase(1, null)]
    public void Resolve_ResultRecordedForBye_OnlyTheAdvancingTeamIsTolerated(int seed, string? message)
    {
        var teams = EntrantTeams(6);
        var plan = BracketPlanner.Plan(BracketFormat.SingleElimination, 6);
        var winners = new Dictionary<string, Guid>(StringComparer.Ordinal) { ["W1-1"] = teams.Seed(seed) };

        if (message is null)
        {
            Assert.That(BracketResolver.Resolve(plan, teams, winners).Match("W1-1").Winner, Is.EqualTo(teams.Seed(1)));
        }
        else
        {
            Assert.That(() => BracketResolver.Resolve(plan, teams, winners), Throws.ArgumentException.With.Message.Contains(message));
        }
    }

    [TestCase(7)]
    [TestCase(9)]
    public void Resolve_SeedCountDiffersFromEntrants_Throws(int seeded)
    {
        Assert.That(
            () => BracketResolver.Resolve(BracketPlanner.Plan(BracketFormat.SingleElimination, 8), EntrantTeams(seeded), NoResults),
            Throws.ArgumentException.With.Message.Contains("8 entrants"));
    }

    [Test]
    public void Resolve_TeamSeededTwice_Throws()
    {
        var teams = EntrantTeams(4).Append(EntrantTeams(1)[0]).ToList();

        Assert.That(
            () => BracketResolver.Resolve(BracketPlanner.Plan(BracketFormat.SingleElimination, 5), teams, NoResults),
            Throws.ArgumentException.With.Message.Contains("seeded more than once"));
    }

    private static MatchState Expected(
        string code,
        int round,
        int position,
        Guid? home,
        Guid? away,
        int? homeSeed,
        int? awaySeed,
        bool isBye,
        Guid? winner = null,
        Guid? loser = null,
        BracketSide side = BracketSide.Winners,
        bool needed = true) =>
        new(code, side, round, position, home, away, homeSeed, awaySeed, isBye, winner, loser, needed);
}
