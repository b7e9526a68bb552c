namespace MidwestSports.Leagues.Domain.Brackets;

/// <summary>Checks the service runs before saving a bracket result, against the states from <see cref="BracketResolver"/>.</summary>
internal static class BracketRules
{
    /// <exception cref="ArgumentException">The result cannot be recorded; the message says why in an admin's words.</exception>
    public static void EnsureWinnerAllowed(IReadOnlyList<MatchState> states, string code, Guid winner)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(code);

        var match = states.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal))
            ?? throw new ArgumentException($"There is no match {code} in this bracket.");

        if (match.IsBye)
        {
            throw new ArgumentException($"Match {code} is a bye: the team in it advances without a game.");
        }

        if (!match.Needed)
        {
            throw new ArgumentException(match.Side == BracketSide.Final
                ? $"Match {code} is played only when the losers-bracket champion wins the grand final."
                : $"Match {code} is not played: both of its sides are byes.");
        }

        if (match.Home is not { } home || match.Away is not { } away)
        {
            throw new ArgumentException($"Match {code} is not ready: its teams are not known yet.");
        }

        if (winner != home && winner != away)
        {
            throw new ArgumentException($"Team {winner} is not playing in match {code}.");
        }

        // Correcting a result is fine until either team has played on: a later result would then describe a game
        // between different teams than the ones now in it.
        if (match.Winner is { } previous && previous != winner && HasPlayedOn(states, match, home, away))
        {
            throw new ArgumentException($"Match {code} cannot be changed: a later match of its teams already has a result.");
        }
    }

    private static bool HasPlayedOn(IReadOnlyList<MatchState> states, MatchState match, Guid home, Guid away) =>
        states.Any(s => !s.IsBye
            && s.Winner is not null
            && IsLater(s, match)
            && (s.Home == home || s.Away == home || s.Home == away || s.Away == away));

    // A team's path only moves forward: up the winners rounds, then up the losers rounds, then the finals.
    private static bool IsLater(MatchState candidate, MatchState match) =>
        (Stage(candidate.Side), candidate.Round).CompareTo((Stage(match.Side), match.Round)) > 0;

    private static int Stage(BracketSide side) => side switch
    {
        BracketSide.Winners => 0,
        BracketSide.Losers => 1,
        _ => 2,
    };
}
