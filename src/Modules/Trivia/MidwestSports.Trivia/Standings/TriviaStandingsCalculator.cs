using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Trivia.Standings;

/// <summary>A team's result on a counted night, with the night's place computed from totals (ties share a place).</summary>
internal sealed record NightScore(Guid NightId, DateOnly Date, string GameType, Guid TeamId, int Total, int Place, int? PartnerRank);

/// <summary>
/// Trivia standings from stored nights, under a league's rules: total score or placement points, best N nights,
/// a minimum of nights to qualify, game types left out (theme nights). Ties: more nights won, then a shared rank.
/// Pure: no database, so the rules are tested table by table.
/// </summary>
internal static class TriviaStandingsCalculator
{
    public static IReadOnlyList<TriviaStandingRowDto> Compute(IReadOnlyList<NightScore> scores, TriviaRulesDto rules, IReadOnlyDictionary<Guid, string> teamNames)
    {
        var excluded = rules.ExcludedGameTypes.Select(t => t.Trim().ToLowerInvariant()).ToHashSet();
        var rows = new List<(Guid TeamId, int Played, int Counted, int Won, decimal Points, int Total, bool Qualified, List<TriviaStandingNightDto> Nights)>();
        foreach (var team in teamNames.Keys)
        {
            var nights = scores.Where(s => s.TeamId == team).OrderBy(s => s.Date).ToList();
            var eligible = nights.Where(s => !excluded.Contains(s.GameType)).Select(s => (Score: s, Points: PointsOf(s, rules))).ToList();
            var counted = (rules.BestNights is { } best ? eligible.OrderByDescending(e => e.Points).ThenBy(e => e.Score.Date).Take(best) : eligible)
                .Select(e => e.Score.NightId).ToHashSet();
            var points = eligible.Where(e => counted.Contains(e.Score.NightId)).Sum(e => e.Points);
            var total = eligible.Where(e => counted.Contains(e.Score.NightId)).Sum(e => e.Score.Total);
            var detail = nights.Select(s => new TriviaStandingNightDto(s.NightId, s.Date, s.Total, s.Place, PointsOf(s, rules), counted.Contains(s.NightId))).ToList();
            rows.Add((team, nights.Count, counted.Count, nights.Count(s => s.Place == 1), points, total, nights.Count >= rules.MinimumNights, detail));
        }

        var ordered = rows
            .OrderByDescending(r => r.Qualified)
            .ThenByDescending(r => r.Points)
            .ThenByDescending(r => r.Won)
            .ThenBy(r => teamNames[r.TeamId], StringComparer.OrdinalIgnoreCase)
            .ToList();
        var result = new List<TriviaStandingRowDto>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            // Rank is shared while qualification, points and nights won are all equal (the named tie rule's end).
            var rank = i > 0 && SameStanding(ordered[i - 1], r) ? result[i - 1].Rank : i + 1;
            var shared = (i > 0 && SameStanding(ordered[i - 1], r)) || (i + 1 < ordered.Count && SameStanding(ordered[i + 1], r));
            result.Add(new TriviaStandingRowDto(rank, shared, r.TeamId, teamNames[r.TeamId], r.Played, r.Counted, r.Won, r.Points, r.Total, r.Qualified, r.Nights));
        }

        return result;

        static bool SameStanding((Guid, int, int Counted, int Won, decimal Points, int, bool Qualified, List<TriviaStandingNightDto>) a,
            (Guid, int, int Counted, int Won, decimal Points, int, bool Qualified, List<TriviaStandingNightDto>) b) =>
            a.Qualified == b.Qualified && a.Points == b.Points && a.Won == b.Won;
    }

    /// <summary>Places within each night from totals: 1 + the number of teams with a higher total.</summary>
    public static IReadOnlyList<NightScore> WithPlaces(IEnumerable<(Guid NightId, DateOnly Date, string GameType, Guid? TeamId, int Total, int? Rank)> results) =>
        [.. results.GroupBy(r => r.NightId).SelectMany(night =>
        {
            var totals = night.Select(r => r.Total).ToList();
            return night.Where(r => r.TeamId is not null)
                .Select(r => new NightScore(r.NightId, r.Date, r.GameType, r.TeamId!.Value, r.Total, 1 + totals.Count(t => t > r.Total), r.Rank));
        })];

    public static string Describe(TriviaRulesDto rules) =>
        (rules.Scoring == TriviaScoring.TotalScore ? "Total score" : $"Placement points ({string.Join("-", rules.PointsTable)})")
        + (rules.BestNights is { } best ? $", best {best} nights" : ", every night")
        + (rules.MinimumNights > 0 ? $", at least {rules.MinimumNights} nights to qualify" : string.Empty)
        + (rules.ExcludedGameTypes.Count > 0 ? $", without {string.Join(", ", rules.ExcludedGameTypes)} nights" : string.Empty)
        + "; ties by nights won, then shared";

    private static decimal PointsOf(NightScore score, TriviaRulesDto rules) =>
        rules.Scoring == TriviaScoring.TotalScore ? score.Total
        : score.Place - 1 < rules.PointsTable.Count ? rules.PointsTable[score.Place - 1] : 0;
}
