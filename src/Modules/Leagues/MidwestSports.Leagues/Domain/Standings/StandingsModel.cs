namespace MidwestSports.Leagues.Domain.Standings;

/// <summary>The criteria a rule set may order; each one compares teams tied on everything before it.</summary>
internal enum TieBreaker
{
    /// <summary>Higher (wins + ties / 2) / played.</summary>
    WinPercentage,

    /// <summary>Higher win % in the games among the tied teams only; applies only when every pair of them met equally often.</summary>
    HeadToHead,

    /// <summary>Fewer points (runs, goals) allowed.</summary>
    PointsAllowed,

    /// <summary>Higher differential with each game's margin capped at the league's cap.</summary>
    CappedDifferential,

    /// <summary>Higher uncapped differential.</summary>
    Differential,

    /// <summary>More points scored.</summary>
    PointsScored,

    /// <summary>Fewer forfeits.</summary>
    FewestForfeits,

    /// <summary>A recorded coin flip: the lower recorded draw wins. Always separates once draws exist.</summary>
    CoinFlip,
}

/// <summary>A named, ordered rule set: one list when two teams are tied, one when three or more are.</summary>
internal sealed record TieBreakerRuleSet(string Name, string Title, IReadOnlyList<TieBreaker> TwoTeam, IReadOnlyList<TieBreaker> MultiTeam);

internal sealed record StandingsTeam(Guid TeamId, string Name);

/// <summary>
/// A game with a result. Scores are as recorded (a forfeit already carries the league's forfeit score);
/// <paramref name="ForfeitedBy"/> is the team that forfeited: it loses whatever the scores say.
/// </summary>
internal sealed record CompletedGame(Guid HomeTeamId, Guid AwayTeamId, int HomeScore, int AwayScore, Guid? ForfeitedBy = null);

/// <param name="DifferentialCap">Largest margin a single game adds to the capped differential (null: uncapped).</param>
/// <param name="CoinFlips">Recorded draws per team; a lower draw wins a coin flip.</param>
internal sealed record StandingsInput(
    IReadOnlyList<StandingsTeam> Teams,
    IReadOnlyList<CompletedGame> Games,
    TieBreakerRuleSet Rules,
    int? DifferentialCap,
    IReadOnlyDictionary<Guid, int> CoinFlips);

/// <param name="AboveNextBecause">Why this team is above the next one, in an admin's words ("won head-to-head 2-1"); null for the last row.</param>
internal sealed record StandingsRow(
    int Position,
    Guid TeamId,
    string Name,
    int Played,
    int Won,
    int Lost,
    int Tied,
    int Forfeits,
    decimal WinPercentage,
    int PointsFor,
    int PointsAgainst,
    int Differential,
    int CappedDifferential,
    string? AboveNextBecause);

/// <param name="NeedsCoinFlip">Teams still tied when the rules reach a coin flip that has no recorded draw for them.</param>
internal sealed record StandingsTable(IReadOnlyList<StandingsRow> Rows, TieBreakerRuleSet Rules, IReadOnlyList<Guid> NeedsCoinFlip);
