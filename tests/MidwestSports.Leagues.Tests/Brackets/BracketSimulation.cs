using MidwestSports.Leagues.Domain.Brackets;

namespace MidwestSports.Leagues.Tests.Brackets;

/// <summary>Plays a bracket to the end with a chosen way of picking winners, recording results the way the service does.</summary>
internal static class BracketSimulation
{
    /// <summary>Stable ids so a failing case reads the same on every run: team i has id 0000000i-0000-....</summary>
    public static IReadOnlyList<Guid> EntrantTeams(int count) =>
        Enumerable.Range(1, count).Select(i => new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToList();

    public static Guid HigherSeedWins(MatchState match) => match.HomeSeed < match.AwaySeed ? match.Home!.Value : match.Away!.Value;

    public static Guid LowerSeedWins(MatchState match) => match.HomeSeed > match.AwaySeed ? match.Home!.Value : match.Away!.Value;

    public static Func<MatchState, Guid> RandomWinners(int seed)
    {
        var random = new Random(seed);
        return match => random.Next(2) == 0 ? match.Home!.Value : match.Away!.Value;
    }

    public static Simulated Play(BracketPlan plan, IReadOnlyList<Guid> teams, Func<MatchState, Guid> pick)
    {
        var winners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (true)
        {
            var states = BracketResolver.Resolve(plan, teams, winners);
            var next = states.FirstOrDefault(IsReadyToPlay);
            if (next is null)
            {
                return new Simulated(states, winners);
            }

            var winner = pick(next);
            BracketRules.EnsureWinnerAllowed(states, next.Code, winner);
            winners[next.Code] = winner;
        }
    }

    public static bool IsReadyToPlay(MatchState match) =>
        match is { Needed: true, IsBye: false, Home: not null, Away: not null, Winner: null };

    public static bool IsPlayedGame(MatchState match) => match is { Needed: true, IsBye: false, Winner: not null };

    public static MatchState Match(this IReadOnlyList<MatchState> states, string code) =>
        states.Single(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    public static Guid Seed(this IReadOnlyList<Guid> teams, int seed) => teams[seed - 1];
}

internal sealed record Simulated(IReadOnlyList<MatchState> States, IReadOnlyDictionary<string, Guid> Winners)
{
    public IReadOnlyList<MatchState> Games => States.Where(BracketSimulation.IsPlayedGame).ToList();

    public int LossesOf(Guid team) => Games.Count(g => g.Loser == team);

    public Guid? Champion => BracketResolver.Champion(States);
}
