using MidwestSports.Import.Contracts;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Teams;

/// <summary>
/// What a teams file refers to, asked once of the owning modules through their Contracts: leagues and sponsors by natural
/// key, and each league's teams when a row first names it.
/// </summary>
internal sealed class TeamReferences(ILookup<string, LeagueFacts> leagues, ILookup<string, SponsorFacts> sponsors, ITeamDirectory teams)
{
    private readonly Dictionary<Guid, TeamsOfLeague> teamsByLeague = [];

    private readonly Dictionary<Guid, string> sponsorNames = sponsors.SelectMany(g => g).ToDictionary(s => s.SponsorId, s => s.Name);

    public static async Task<TeamReferences> LoadAsync(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, CancellationToken ct) =>
        new((await leagues.AllAsync(ct)).ToLookup(l => NaturalKeys.Of(l.Name)), (await sponsors.AllAsync(ct)).ToLookup(s => NaturalKeys.Of(s.Name)), teams);

    public IReadOnlyList<LeagueFacts> LeaguesNamed(string name) => [.. leagues[NaturalKeys.Of(name)]];

    public IReadOnlyList<SponsorFacts> SponsorsNamed(string name) => [.. sponsors[NaturalKeys.Of(name)]];

    public string? SponsorName(Guid sponsorId) => sponsorNames.GetValueOrDefault(sponsorId);

    /// <summary>Every league, for a near match when a row's league matches none.</summary>
    public IEnumerable<LeagueFacts> AllLeagues => leagues.SelectMany(g => g);

    /// <summary>The sponsors operating in a city, for a near match when a row's sponsor matches none.</summary>
    public IEnumerable<SponsorFacts> SponsorsIn(Guid cityId) => sponsors.SelectMany(g => g).Where(s => s.CityIds.Contains(cityId));

    public async Task<TeamsOfLeague> TeamsOfAsync(Guid leagueId, CancellationToken ct)
    {
        if (!teamsByLeague.TryGetValue(leagueId, out var known))
        {
            known = new TeamsOfLeague(await teams.DetailsOfLeagueAsync(leagueId, ct));
            teamsByLeague[leagueId] = known;
        }

        return known;
    }
}

/// <summary>A league's teams by id and by natural name key.</summary>
internal sealed class TeamsOfLeague(IReadOnlyList<TeamDto> teams)
{
    private readonly Dictionary<Guid, TeamDto> byId = teams.ToDictionary(t => t.Id);

    private readonly Dictionary<string, TeamDto> byName = teams.GroupBy(t => NaturalKeys.Of(t.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public TeamDto? WithId(Guid id) => byId.GetValueOrDefault(id);

    public TeamDto? Named(string name) => byName.GetValueOrDefault(NaturalKeys.Of(name));

    /// <summary>The league's teams whose names are close to <paramref name="name"/>, closest first: offered, never applied.</summary>
    public IReadOnlyList<SuggestionDto> Similar(string name) =>
        [.. NearMatches.Ranked(name, teams.Select(t => (t.Id, t.Name))).Select(m => new SuggestionDto(m.Id, m.Name, m.Score))];
}
