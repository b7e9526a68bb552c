using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Standings;

namespace MidwestSports.Trivia.Tests;

/// <summary>Standings rules, one table per rule: the default, best N, minimum nights, excluded game types, placement points, ties.</summary>
public sealed class TriviaStandingsCalculatorTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Dictionary<Guid, string> Names = new() { [A] = "Alpha", [B] = "Bravo", [C] = "Charlie" };

    // Night 1: A 50, B 40, C 30. Night 2 (theme): A 10, B 60. Night 3: B 45, C 44.
    private static readonly IReadOnlyList<NightScore> Scores = TriviaStandingsCalculator.WithPlaces(
    [
        Row(1, "regular", A, 50), Row(1, "regular", B, 40), Row(1, "regular", C, 30),
        Row(2, "theme", A, 10), Row(2, "theme", B, 60),
        Row(3, "regular", B, 45), Row(3, "regular", C, 44),
    ]);

    [Test]
    public void Compute_DefaultRules_SumsEveryNightsTotal()
    {
        var rows = TriviaStandingsCalculator.Compute(Scores, Rules(), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.TotalScore, r.Rank)), Is.EqualTo(new[] { ("Bravo", 145, 1), ("Charlie", 74, 2), ("Alpha", 60, 3) }));
    }

    [Test]
    public void Compute_BestOneNight_CountsEachTeamsBestNightOnly()
    {
        var rows = TriviaStandingsCalculator.Compute(Scores, Rules(bestNights: 1), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.TotalScore, r.NightsCounted, r.NightsPlayed)),
            Is.EqualTo(new[] { ("Bravo", 60, 1, 3), ("Alpha", 50, 1, 2), ("Charlie", 44, 1, 2) }));
    }

    [Test]
    public void Compute_ThemeNightExcluded_LeavesItOutOfPointsButShowsIt()
    {
        var rows = TriviaStandingsCalculator.Compute(Scores, Rules(excluded: ["theme"]), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.TotalScore)), Is.EqualTo(new[] { ("Bravo", 85), ("Charlie", 74), ("Alpha", 50) }));
        Assert.That(rows.Single(r => r.TeamName == "Alpha").Nights.Single(n => n.Total == 10).Counted, Is.False);
    }

    [Test]
    public void Compute_MinimumThreeNights_PutsTeamsBelowItAfterThoseQualified()
    {
        var rows = TriviaStandingsCalculator.Compute(Scores, Rules(minimum: 3), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.Qualified)), Is.EqualTo(new[] { ("Bravo", true), ("Charlie", false), ("Alpha", false) }));
    }

    [Test]
    public void Compute_PlacementPoints_ScoreByPlaceInEachNight()
    {
        // Places: night 1 A1 B2 C3; night 2 B1 A2; night 3 B1 C2. Points 10-6-3.
        var rows = TriviaStandingsCalculator.Compute(Scores, Rules(TriviaScoring.PlacementPoints, points: [10, 6, 3]), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.Points, r.NightsWon)), Is.EqualTo(new[] { ("Bravo", 26m, 2), ("Alpha", 16m, 1), ("Charlie", 9m, 0) }));
    }

    [Test]
    public void Compute_EqualPointsAndWins_ShareTheRank()
    {
        var tied = TriviaStandingsCalculator.WithPlaces([Row(1, "regular", A, 40), Row(1, "regular", B, 40), Row(2, "regular", C, 39)]);

        var rows = TriviaStandingsCalculator.Compute(tied, Rules(), Names);

        Assert.That(rows.Select(r => (r.TeamName, r.Rank, r.SharedRank)), Is.EqualTo(new[] { ("Alpha", 1, true), ("Bravo", 1, true), ("Charlie", 3, false) }));
    }

    [Test]
    public void Compute_EqualTotalsDifferentWins_MoreNightsWonFirst()
    {
        // Both total 70; Bravo won two nights, Alpha one.
        var scores = TriviaStandingsCalculator.WithPlaces([Row(1, "regular", A, 60), Row(1, "regular", B, 10), Row(2, "regular", B, 30), Row(2, "regular", A, 5), Row(3, "regular", B, 30), Row(3, "regular", A, 5)]);

        var rows = TriviaStandingsCalculator.Compute(scores, Rules(), new Dictionary<Guid, string> { [A] = "Alpha", [B] = "Bravo" });

        Assert.That(rows.Select(r => (r.TeamName, r.TotalScore, r.NightsWon, r.Rank)), Is.EqualTo(new[] { ("Bravo", 70, 2, 1), ("Alpha", 70, 1, 2) }));
    }

    private static (Guid NightId, DateOnly Date, string GameType, Guid? TeamId, int Total, int? Rank) Row(int night, string type, Guid team, int total) =>
        (new Guid($"00000000-0000-0000-0001-{night:000000000000}"), new DateOnly(2026, 10, night), type, team, total, null);

    private static TriviaRulesDto Rules(TriviaScoring scoring = TriviaScoring.TotalScore, int[]? points = null, int? bestNights = null, int minimum = 0, string[]? excluded = null) =>
        new(scoring, points ?? [], bestNights, minimum, excluded ?? [], 1);
}
