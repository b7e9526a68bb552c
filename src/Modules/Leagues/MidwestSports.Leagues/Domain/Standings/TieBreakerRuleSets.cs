namespace MidwestSports.Leagues.Domain.Standings;

/// <summary>
/// The rule sets a league can pick from. Every list starts with win % (the standings themselves) and ends with a
/// coin flip, so a tie always has a way out once the flip is recorded.
/// </summary>
internal static class TieBreakerRuleSets
{
    /// <summary>What most of our leagues print in their rules: head-to-head first, then defense, then margin.</summary>
    public static TieBreakerRuleSet Standard { get; } = new(
        "standard",
        "Win %, head-to-head, points allowed, capped differential, points scored, coin flip",
        [
            TieBreaker.WinPercentage, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ],
        [
            TieBreaker.WinPercentage, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ]);

    /// <summary>
    /// Margin before defense. Three or more tied teams rarely met equally often in a short season, so the
    /// multi-team list goes straight to the differential; once one team is separated the last two still get
    /// their own head-to-head, because the rules restart with the two-team list.
    /// </summary>
    public static TieBreakerRuleSet Differential { get; } = new(
        "differential",
        "Win %, head-to-head (two-team ties), capped differential, points allowed, points scored, coin flip",
        [
            TieBreaker.WinPercentage, TieBreaker.HeadToHead, TieBreaker.CappedDifferential,
            TieBreaker.PointsAllowed, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ],
        [
            TieBreaker.WinPercentage, TieBreaker.CappedDifferential, TieBreaker.PointsAllowed,
            TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ]);

    /// <summary>
    /// Modelled on common softball pool-play rules: two teams go by the game they played, three or more by runs
    /// allowed and then a run differential capped per game (the run rule keeps blowouts from counting twice).
    /// </summary>
    public static TieBreakerRuleSet Softball { get; } = new(
        "softball",
        "Softball pool play: win %, head-to-head for two teams, runs allowed first for three or more, capped run differential, runs scored, coin flip",
        [
            TieBreaker.WinPercentage, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ],
        [
            TieBreaker.WinPercentage, TieBreaker.PointsAllowed, TieBreaker.CappedDifferential,
            TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ]);

    /// <summary>For leagues that want to reward teams that show up: forfeits count before anything the scores say.</summary>
    public static TieBreakerRuleSet ForfeitsFirst { get; } = new(
        "forfeits-first",
        "Win %, fewest forfeits, head-to-head, points allowed, capped differential, points scored, coin flip",
        [
            TieBreaker.WinPercentage, TieBreaker.FewestForfeits, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ],
        [
            TieBreaker.WinPercentage, TieBreaker.FewestForfeits, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ]);

    /// <summary>Every preset, in the order an admin picks from.</summary>
    public static IReadOnlyList<TieBreakerRuleSet> All { get; } = [Standard, Differential, Softball, ForfeitsFirst];

    /// <summary>What a league uses until an admin picks another.</summary>
    public static TieBreakerRuleSet Default => Standard;

    /// <summary>The preset with that name, ignoring case and surrounding spaces; null when there is none.</summary>
    public static TieBreakerRuleSet? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim();
        return All.FirstOrDefault(set => string.Equals(set.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One rule in an admin's words, for the league's rules page.</summary>
    public static string Describe(TieBreaker rule) => rule switch
    {
        TieBreaker.WinPercentage => "Win % (wins plus half of ties, over games played)",
        TieBreaker.HeadToHead => "Head-to-head (only when all tied teams met equally often)",
        TieBreaker.PointsAllowed => "Fewest points allowed",
        TieBreaker.CappedDifferential => "Point differential, each game's margin capped at the league's cap",
        TieBreaker.Differential => "Point differential (uncapped)",
        TieBreaker.PointsScored => "Most points scored",
        TieBreaker.FewestForfeits => "Fewest forfeits",
        TieBreaker.CoinFlip => "Coin flip (recorded draw; the lower draw wins)",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown tie-breaker."),
    };
}
