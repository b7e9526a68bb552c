namespace MidwestSports.Leagues.Domain.Brackets;

internal static class BracketResolver
{
    /// <summary>
    /// The state of every match, in plan order, given the seeding and the winners recorded so far (by match code).
    /// Byes resolve on their own; a recorded result for a bye is tolerated only when it names the advancing team.
    /// </summary>
    /// <param name="seededTeams">The entrants by seed: index 0 is seed 1.</param>
    /// <exception cref="ArgumentException">A recorded winner does not fit the bracket as it stands.</exception>
    public static IReadOnlyList<MatchState> Resolve(BracketPlan plan, IReadOnlyList<Guid> seededTeams, IReadOnlyDictionary<string, Guid> winners)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(seededTeams);
        ArgumentNullException.ThrowIfNull(winners);
        if (seededTeams.Count != plan.Entrants)
        {
            throw new ArgumentException($"The bracket has {plan.Entrants} entrants but {seededTeams.Count} seeded teams were given.");
        }

        if (seededTeams.Distinct().Count() != seededTeams.Count)
        {
            throw new ArgumentException("A team is seeded more than once.");
        }

        var codes = plan.Matches.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var stray = winners.Keys.Where(code => !codes.Contains(code)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (stray is not null)
        {
            throw new ArgumentException($"There is no match {stray} in this bracket.");
        }

        var outcomes = new Dictionary<string, (Slot Winner, Slot Loser)>(StringComparer.Ordinal);
        var states = new Dictionary<string, MatchState>(StringComparer.Ordinal);
        var result = new List<MatchState>(plan.Matches.Count);
        foreach (var match in plan.Matches)
        {
            var home = Take(match.Home, match, seededTeams, outcomes);
            var away = Take(match.Away, match, seededTeams, outcomes);
            var recorded = winners.TryGetValue(match.Code, out var team) ? team : (Guid?)null;

            var (state, outcome) = match.IfNecessary && !IsTriggered(match, states)
                ? Skip(match, recorded)
                : Decide(match, home, away, recorded);

            outcomes.Add(match.Code, outcome);
            states.Add(match.Code, state);
            result.Add(state);
        }

        return result;
    }

    /// <summary>
    /// The bracket's champion, or null while it is open. The champion wins the last match that is played: the final,
    /// or in a double elimination the grand final, or its reset when that is needed.
    /// </summary>
    public static Guid? Champion(IReadOnlyList<MatchState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states.LastOrDefault(s => s.Needed)?.Winner;
    }

    private static Slot Take(SlotSource source, BracketMatchPlan match, IReadOnlyList<Guid> seededTeams, Dictionary<string, (Slot Winner, Slot Loser)> outcomes)
    {
        if (source.Seed is { } seed)
        {
            if (seed < 1)
            {
                throw new InvalidOperationException($"Match {match.Code} has an invalid seed {seed}.");
            }

            return seed <= seededTeams.Count ? Slot.Of(seededTeams[seed - 1], seed) : Slot.Empty;
        }

        if (source.FromMatch is null || !outcomes.TryGetValue(source.FromMatch, out var outcome))
        {
            // The planner lists every match after the ones feeding it; anything else is a broken plan, not bad input.
            throw new InvalidOperationException($"Match {match.Code} is fed by {source.FromMatch ?? "nothing"}, which the plan does not list before it.");
        }

        return source.TakesLoser ? outcome.Loser : outcome.Winner;
    }

    /// <summary>A reset is played only when the match it follows was won by its away side, the losers champion.</summary>
    private static bool IsTriggered(BracketMatchPlan match, Dictionary<string, MatchState> states)
    {
        var decider = match.Away.FromMatch ?? match.Home.FromMatch;
        if (decider is null || !states.TryGetValue(decider, out var previous))
        {
            throw new InvalidOperationException($"Match {match.Code} is played only if necessary but does not follow another match.");
        }

        return previous.Winner is { } winner && winner == previous.Away;
    }

    private static (MatchState State, (Slot Winner, Slot Loser) Outcome) Skip(BracketMatchPlan match, Guid? recorded)
    {
        if (recorded is not null)
        {
            throw new ArgumentException($"Match {match.Code} is not played: it is needed only when the losers-bracket champion wins the grand final.");
        }

        return (State(match, Slot.Empty, Slot.Empty, isBye: false, winner: null, loser: null, needed: false), (Slot.Empty, Slot.Empty));
    }

    private static (MatchState State, (Slot Winner, Slot Loser) Outcome) Decide(BracketMatchPlan match, Slot home, Slot away, Guid? recorded)
    {
        if (home.IsEmpty && away.IsEmpty)
        {
            // Both feeders were byes: nobody comes through, and the emptiness carries on to the next match.
            if (recorded is not null)
            {
                throw new ArgumentException($"Match {match.Code} has no teams: both of its sides are byes.");
            }

            return (State(match, home, away, isBye: false, winner: null, loser: null, needed: false), (Slot.Empty, Slot.Empty));
        }

        if (home.IsEmpty || away.IsEmpty)
        {
            var present = home.IsEmpty ? away : home;
            if (recorded is { } named && (!present.IsKnown || named != present.Team))
            {
                throw new ArgumentException($"Match {match.Code} is a bye: the team in it advances without a game.");
            }

            return (State(match, home, away, isBye: true, winner: present.IsKnown ? present : null, loser: null, needed: true), (present, Slot.Empty));
        }

        if (!home.IsKnown || !away.IsKnown)
        {
            if (recorded is not null)
            {
                throw new ArgumentException($"Match {match.Code} is not ready: its teams are not known yet.");
            }

            return (State(match, home, away, isBye: false, winner: null, loser: null, needed: true), (Slot.Pending, Slot.Pending));
        }

        if (recorded is not { } winnerId)
        {
            return (State(match, home, away, isBye: false, winner: null, loser: null, needed: true), (Slot.Pending, Slot.Pending));
        }

        if (winnerId != home.Team && winnerId != away.Team)
        {
            throw new ArgumentException($"Team {winnerId} is not playing in match {match.Code}.");
        }

        var (winner, loser) = winnerId == home.Team ? (home, away) : (away, home);
        return (State(match, home, away, isBye: false, winner, loser, needed: true), (winner, loser));
    }

    private static MatchState State(BracketMatchPlan match, Slot home, Slot away, bool isBye, Slot? winner, Slot? loser, bool needed) => new(
        match.Code,
        match.Side,
        match.Round,
        match.Position,
        home.IsKnown ? home.Team : null,
        away.IsKnown ? away.Team : null,
        home.IsKnown ? home.Seed : null,
        away.IsKnown ? away.Seed : null,
        isBye,
        winner?.Team,
        loser?.Team,
        needed);

    private enum SlotKind
    {
        /// <summary>A team will be here once earlier results are in.</summary>
        Pending,

        /// <summary>No team will ever be here: a seed beyond the entrants, or the loser of a bye.</summary>
        Empty,

        Known,
    }

    private readonly record struct Slot(SlotKind Kind, Guid Team, int Seed)
    {
        public static readonly Slot Pending = new(SlotKind.Pending, Guid.Empty, 0);
        public static readonly Slot Empty = new(SlotKind.Empty, Guid.Empty, 0);

        public bool IsEmpty => Kind == SlotKind.Empty;

        public bool IsKnown => Kind == SlotKind.Known;

        public static Slot Of(Guid team, int seed) => new(SlotKind.Known, team, seed);
    }
}
