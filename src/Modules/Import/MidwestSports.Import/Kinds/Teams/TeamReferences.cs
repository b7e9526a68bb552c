using FuzzySharp;
using FuzzySharp.PreProcess;
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

    private readonly Dictionary<Guid, SponsorFacts> sponsorsById = sponsors.SelectMany(g => g).ToDictionary(s => s.SponsorId);

    /// <summary>Natural keys of the names rows repeat (leagues, cities, sponsors): a file of 100,000 rows names a few hundred.</summary>
    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);

    private readonly Dictionary<Guid, SponsorFacts[]> sponsorsByCity = [];

    /// <summary>
    /// The leagues and sponsors as the modules hold them, and (in a workbook) the leagues an earlier sheet creates or
    /// updates: a teams sheet may name a league the same file creates.
    /// </summary>
    public static async Task<TeamReferences> LoadAsync(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, InFileRecords inFile, CancellationToken ct)
    {
        var planned = inFile.All<LeagueFacts>(Leagues.LeagueRowPlanner.InFileKind).ToList();
        var known = (await leagues.AllAsync(ct)).Where(l => planned.All(p => p.LeagueId != l.LeagueId)).Concat(planned);
        return new(known.ToLookup(l => NaturalKeys.Of(l.Name)), (await sponsors.AllAsync(ct)).ToLookup(s => NaturalKeys.Of(s.Name)), teams);
    }

    public IEnumerable<LeagueFacts> LeaguesNamed(string name) => leagues[Key(name)];

    public IEnumerable<SponsorFacts> SponsorsNamed(string name) => sponsors[Key(name)];

    /// <summary><see cref="NaturalKeys.Of"/>, remembered: for names that repeat across rows.</summary>
    public string Key(string name)
    {
        if (!keys.TryGetValue(name, out var key))
        {
            key = NaturalKeys.Of(name);
            if (keys.Count < 100_000)
            {
                keys[name] = key;
            }
        }

        return key;
    }

    public string? SponsorName(Guid sponsorId) => sponsorsById.GetValueOrDefault(sponsorId)?.Name;

    public SponsorFacts? SponsorWithId(Guid sponsorId) => sponsorsById.GetValueOrDefault(sponsorId);

    /// <summary>Every league, for a near match when a row's league matches none.</summary>
    public IEnumerable<LeagueFacts> AllLeagues => leagues.SelectMany(g => g);

    /// <summary>The sponsors operating in a city, for a near match when a row's sponsor matches none.</summary>
    public IEnumerable<SponsorFacts> SponsorsIn(Guid cityId)
    {
        if (!sponsorsByCity.TryGetValue(cityId, out var inCity))
        {
            inCity = [.. sponsors.SelectMany(g => g).Where(s => s.CityIds.Contains(cityId))];
            sponsorsByCity[cityId] = inCity;
        }

        return inCity;
    }

    public async ValueTask<TeamsOfLeague> TeamsOfAsync(Guid leagueId, CancellationToken ct)
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

    /// <summary>
    /// Each team with its natural key and the key's letters, computed once (a near match compares a row with every team
    /// of its league).
    /// </summary>
    private readonly (Guid Id, string Name, string Key, KeyLetters Letters)[] keyed = [.. teams.Select(Keyed)];

    private Dictionary<string, TeamDto>? byName;

    public TeamDto? WithId(Guid id) => byId.GetValueOrDefault(id);

    private Dictionary<string, TeamDto>? byExactName;

    public TeamDto? Named(string name) => WithKey(NaturalKeys.Of(name));

    /// <summary>
    /// The team named <paramref name="name"/> but for case, else the one with its natural key: of "Joe's Pub" and
    /// "Joes Pub" in one league (the Teams module allows both), a row "joes pub" is the second.
    /// </summary>
    public TeamDto? Matching(string name, string key)
    {
        byExactName ??= teams.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return byExactName.GetValueOrDefault(name) ?? WithKey(key);
    }

    /// <summary>The team whose name has the natural key <paramref name="key"/> (<see cref="NaturalKeys.Of"/>).</summary>
    public TeamDto? WithKey(string key)
    {
        byName ??= Enumerable.Range(0, teams.Count).GroupBy(i => keyed[i].Key).ToDictionary(g => g.Key, g => teams[g.First()], StringComparer.Ordinal);
        return byName.GetValueOrDefault(key);
    }

    /// <summary>
    /// Another team than <paramref name="renamed"/> holding <paramref name="name"/>: the same name but for case (what
    /// the Teams module's unique index compares: the rename cannot be saved), or, when the rename changes the team's
    /// natural key, that key (the file's next import could not tell the two apart).
    /// </summary>
    public TeamDto? TakenBy(string name, TeamDto renamed)
    {
        var key = NaturalKeys.Of(name);
        var keyChanges = key != NaturalKeys.Of(renamed.Name);
        foreach (var (id, other, otherKey, _) in keyed)
        {
            if (id != renamed.Id && (string.Equals(other, name, StringComparison.OrdinalIgnoreCase) || (keyChanges && otherKey == key)))
            {
                return byId[id];
            }
        }

        return null;
    }

    private static (Guid Id, string Name, string Key, KeyLetters Letters) Keyed(TeamDto team)
    {
        var key = NaturalKeys.Of(team.Name);
        return (team.Id, team.Name, key, KeyLetters.Of(key));
    }

    /// <summary>The league's teams whose names are close to <paramref name="name"/>, closest first: offered, never applied.</summary>
    public IReadOnlyList<SuggestionDto> Similar(string name)
    {
        if (keyed.Length == 0)
        {
            return [];
        }

        // NearMatches.Ranked over keys computed once. A team whose letters alone keep the ratio under the minimum
        // (KeyLetters: an exact upper bound) is skipped without computing it: the same suggestions, without a ratio
        // against every team of a large league.
        // A loop rather than a query: it runs for every new row of a file, and most rows have no near match at all.
        var key = NaturalKeys.Of(name);
        var letters = KeyLetters.Of(key);
        List<(Guid Id, string Name, int Score)>? close = null;
        foreach (var team in keyed)
        {
            if (!letters.MayReach(team.Letters, NearMatches.MinimumSimilarity))
            {
                continue;
            }

            var score = Fuzz.Ratio(key, team.Key, PreprocessMode.None);
            if (score >= NearMatches.MinimumSimilarity)
            {
                (close ??= []).Add((team.Id, team.Name, score));
            }
        }

        return close is null ? [] : [.. close
            .OrderByDescending(t => t.Score).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(t => new SuggestionDto(t.Id, t.Name, Math.Round(t.Score / 100.0, 2)))];
    }
}
