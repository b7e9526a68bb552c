using MidwestSports.Leagues.Domain.Brackets;
using static MidwestSports.Leagues.Tests.Brackets.BracketSimulation;

namespace MidwestSports.Leagues.Tests.Brackets;

internal sealed class BracketRulesTests
{
    private static readonly IReadOnlyList<Guid> Six = EntrantTeams(6);

    private static readonly BracketPlan SixDouble = BracketPlanner.Plan(BracketFormat.DoubleElimination, 6);

    /// <summary>Six teams, double elimination: W1-2 (4 v 5) won by 4; nothing else played.</summary>
    private static IReadOnlyList<MatchState> OneResult() =>
        BracketResolver.Resolve(SixDouble, Six, new Dictionary<string, Guid>(StringComparer.Ordinal) { ["W1-2"] = Six.Seed(4) });

    [TestCase("W1-2", 5)]
    [TestCase("W1-3", 3)]
    [TestCase("W1-3", 6)]
    public void EnsureWinnerAllowed_TeamInAReadyMatch_Passes(string code, int seed)
    {
        Assert.That(() => BracketRules.EnsureWinnerAllowed(OneResult(), code, Six.Seed(seed)), Throws.Nothing);
    }

    [TestCase("W1-3", 1, "Team 00000001-0000-0000-0000-000000000000 is not playing in match W1-3.")]
    [TestCase("W2-1", 3, "Team 00000003-0000-0000-0000-000000000000 is not playing in match W2-1.")]
    [TestCase("W1-1", 1, "Match W1-1 is a bye: the team in it advances without a game.")]
    [TestCase("W2-2", 3, "Match W2-2 is not ready: its teams are not known yet.")]
    [TestCase("L1-1", 5, "Match L1-1 is a bye")]
    [TestCase("GF2", 1, "Match GF2 is played only when the losers-bracket champion wins the grand final.")]
    [TestCase("L9-1", 1, "There is no match L9-1 in this bracket.")]
    public void EnsureWinnerAllowed_ResultThatDoesNotFit_ThrowsWithReason(string code, int seed, string message)
    {
        Assert.That(
            () => BracketRules.EnsureWinnerAllowed(OneResult(), code, Six.Seed(seed)),
            Throws.ArgumentException.With.Message.EqualTo(message).Or.Message.StartsWith(message));
    }

    [Test]
    public void EnsureWinnerAllowed_CorrectionBeforeTeamsPlayOn_Passes()
    {
        Assert.That(() => BracketRules.EnsureWinnerAllowed(OneResult(), "W1-2", Six.Seed(5)), Throws.Nothing);
    }

    [Test]
    public void EnsureWinnerAllowed_CorrectionAfterTeamsPlayedOn_Throws()
    {
        // 6 teams: W2-1 is 1 v winner of W1-2 (4 v 5). Once W2-1 is played, W1-2 can no longer change hands.
        var winners = new Dictionary<string, Guid>(StringComparer.Ordinal) { ["W1-2"] = Six.Seed(4), ["W2-1"] = Six.Seed(1) };
        var states = BracketResolver.Resolve(SixDouble, Six, winners);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                () => BracketRules.EnsureWinnerAllowed(states, "W1-2", Six.Seed(5)),
                Throws.ArgumentException.With.Message.EqualTo("Match W1-2 cannot be changed: a later match of its teams already has a result."));
            Assert.That(() => BracketRules.EnsureWinnerAllowed(states, "W1-2", Six.Seed(4)), Throws.Nothing, "re-saving the same winner");
        }
    }

    [Test]
    public void EnsureWinnerAllowed_LoserAlreadyPlayedInLosersBracket_CorrectionThrows()
    {
        // 6 teams: the loser of W1-2 (4 v 5) drops into L1-1 against nobody (W1-1 was a bye), then into L2.
        var states = Play(SixDouble, Six, HigherSeedWins).States;

        Assert.That(
            () => BracketRules.EnsureWinnerAllowed(states, "W1-3", Six.Seed(6)),
            Throws.ArgumentException.With.Message.Contains("cannot be changed"));
    }
}
