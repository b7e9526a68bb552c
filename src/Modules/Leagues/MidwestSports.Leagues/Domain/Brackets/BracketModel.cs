namespace MidwestSports.Leagues.Domain.Brackets;

internal enum BracketFormat
{
    SingleElimination,
    DoubleElimination,
}

internal enum BracketSide
{
    Winners,
    Losers,

    /// <summary>The grand final of a double elimination, and its reset game.</summary>
    Final,
}

/// <summary>Where one side of a match comes from: a seed, or the winner (or loser) of an earlier match.</summary>
internal sealed record SlotSource(int? Seed, string? FromMatch, bool TakesLoser)
{
    public static SlotSource OfSeed(int seed) => new(seed, null, false);

    public static SlotSource WinnerOf(string code) => new(null, code, false);

    public static SlotSource LoserOf(string code) => new(null, code, true);
}

/// <param name="Code">Stable, short, unique in the bracket: "W1-1", "L2-3", "GF", "GF2".</param>
/// <param name="IfNecessary">The grand-final reset: played only when the losers-bracket champion wins the grand final.</param>
internal sealed record BracketMatchPlan(string Code, BracketSide Side, int Round, int Position, SlotSource Home, SlotSource Away, bool IfNecessary = false);

internal sealed record BracketPlan(BracketFormat Format, int Entrants, IReadOnlyList<BracketMatchPlan> Matches);

/// <summary>A match as things stand: who is in it (null: not known yet), who won, whether it is played at all.</summary>
/// <param name="IsBye">One side is empty for good (a bye): the other side advances without a game.</param>
/// <param name="Needed">False for a match that will never be played (a reset not needed, or both sides empty).</param>
internal sealed record MatchState(
    string Code,
    BracketSide Side,
    int Round,
    int Position,
    Guid? Home,
    Guid? Away,
    int? HomeSeed,
    int? AwaySeed,
    bool IsBye,
    Guid? Winner,
    Guid? Loser,
    bool Needed);
