using MidwestSports.Leagues.Domain.Standings;

namespace MidwestSports.Leagues.Tests.Standings;

/// <summary>Builds a league's results by team name so a test reads like a scoresheet.</summary>
internal sealed class LeagueTable
{
    private readonly List<StandingsTeam> teams = [];
    private readonly List<CompletedGame> games = [];
    private readonly Dictionary<Guid, int> coinFlips = [];

    public LeagueTable(params string[] names)
    {
        foreach (var name in names)
        {
            // Ids run against name order so a test can tell name order from id order.
            var id = new Guid(1000 - teams.Count, 0, 0, new byte[8]);
            teams.Add(new StandingsTeam(id, name));
        }
    }

    public Guid Id(string name) => teams.Single(team => team.Name == name).TeamId;

    /// <summary>Records a played game; <paramref name="forfeitedBy"/> names the team that forfeited it.</summary>
    public LeagueTable Game(string home, int homeScore, string away, int awayScore, string? forfeitedBy = null)
    {
        games.Add(new CompletedGame(Id(home), Id(away), homeScore, awayScore, forfeitedBy is null ? null : Id(forfeitedBy)));
        return this;
    }

    public LeagueTable Flip(string team, int draw)
    {
        coinFlips[Id(team)] = draw;
        return this;
    }

    public StandingsTable Compute(TieBreakerRuleSet? rules = null, int? cap = null) =>
        StandingsCalculator.Compute(new StandingsInput(teams, games, rules ?? TieBreakerRuleSets.Standard, cap, coinFlips));

    /// <summary>A rule set with the same list for two and for more tied teams.</summary>
    public static TieBreakerRuleSet Rules(params TieBreaker[] rules) => new("test", "test", rules, rules);
}

internal static class StandingsTableExtensions
{
    public static string[] Names(this StandingsTable table) => [.. table.Rows.Select(row => row.Name)];

    public static StandingsRow Row(this StandingsTable table, string name) => table.Rows.Single(row => row.Name == name);
}
