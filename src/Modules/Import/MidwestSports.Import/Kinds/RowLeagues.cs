using MidwestSports.Import.Kinds.Teams;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds;

/// <summary>
/// The league and the team a players or games row names, through <see cref="TeamReferences"/>: a league by natural name
/// narrowed by the row's city (or the import's) and season, open and in the caller's cities; a team by natural name in
/// that league, or, when the row names no league, among the open leagues of the caller's cities (of the import's city).
/// Another city's league or team is the row error <c>not_in_your_cities</c>, which names nothing that is there.
/// </summary>
internal sealed class RowLeagues(TeamReferences references, CityScope scope, Guid? defaultCityId)
{
    /// <summary>
    /// The league found for a (league, city, season) naming: rows of one file name a few hundred, and the answer does not
    /// change during a planning. Only found leagues are kept; a naming that fails is checked again on each row, which
    /// records its error there.
    /// </summary>
    private readonly Dictionary<(string League, string? City, string? Season), LeagueFacts> found = [];

    public static async Task<RowLeagues> LoadAsync(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, PlanningContext context, CancellationToken ct) =>
        new(await TeamReferences.LoadAsync(leagues, sponsors, teams, context.InFile, ct), context.Scope, context.CityId);

    public LeagueFacts? League(RowChecks check, string leagueName, string? city, string? season)
    {
        if (found.TryGetValue((leagueName, city, season), out var known))
        {
            return known;
        }

        var league = Find(check, leagueName, city, season);
        if (league is not null && !check.HasErrors && found.Count < 10_000)
        {
            found[(leagueName, city, season)] = league;
        }

        return league;
    }

    private LeagueFacts? Find(RowChecks check, string leagueName, string? city, string? season)
    {
        var candidates = Narrowed(references.LeaguesNamed(leagueName), check, city, season, out var badSeason);
        if (badSeason)
        {
            return null;
        }

        var visible = candidates.Where(l => scope.Includes(l.CityId)).ToList();
        if (visible.Count == 0)
        {
            return candidates.Count > 0
                ? check.Fail<LeagueFacts?>("league", leagueName, "not_in_your_cities", $"{leagueName} is not in your cities.")
                : check.Fail<LeagueFacts?>("league", leagueName, "league_not_found", $"No open league named {leagueName}{Where(city, season)}.{NearMatches.DidYouMean(ClosestLeague(leagueName))}");
        }

        if (visible.Count > 1)
        {
            return check.Fail<LeagueFacts?>("league", leagueName, "league_ambiguous", $"Several leagues are named {leagueName}: add the City and Season columns to say which.");
        }

        if (defaultCityId is { } importCity && visible[0].CityId != importCity)
        {
            return check.Fail<LeagueFacts?>("city", city, "other_city", $"{visible[0].Name} is in {visible[0].CityName}, not in the city this import is for.");
        }

        return visible[0];
    }

    /// <summary>The team named <paramref name="teamName"/> in <paramref name="league"/>, or a row error on <paramref name="field"/> offering the closest name.</summary>
    public async Task<TeamDto?> TeamAsync(RowChecks check, string field, string teamName, LeagueFacts league, CancellationToken ct)
    {
        var teams = await references.TeamsOfAsync(league.LeagueId, ct);
        if (teams.Named(teamName) is { } team)
        {
            return team;
        }

        var closest = teams.Similar(teamName).FirstOrDefault()?.Name;
        return check.Fail<TeamDto?>(field, teamName, "team_not_found", $"{league.Name} has no team named {teamName}.{NearMatches.DidYouMean(closest)}");
    }

    /// <summary>
    /// The team named <paramref name="teamName"/> when the row names no league: the one team of that name among the open
    /// leagues of the row's city (or the import's) and season; several are ambiguous, one only in another city is not yours.
    /// </summary>
    public async Task<(LeagueFacts League, TeamDto Team)?> TeamAnywhereAsync(RowChecks check, string teamName, string? city, string? season, CancellationToken ct)
    {
        var leagues = Narrowed(references.AllLeagues, check, city, season, out var badSeason);
        if (badSeason)
        {
            return null;
        }

        var found = new List<(LeagueFacts League, TeamDto Team)>();
        foreach (var league in leagues.Where(l => scope.Includes(l.CityId)))
        {
            if ((await references.TeamsOfAsync(league.LeagueId, ct)).Named(teamName) is { } team)
            {
                found.Add((league, team));
            }
        }

        if (found.Count == 1)
        {
            return found[0];
        }

        if (found.Count > 1)
        {
            return check.Fail<(LeagueFacts, TeamDto)?>("team", teamName, "team_ambiguous", $"Several leagues have a team named {teamName}: add the League column to say which.");
        }

        foreach (var league in leagues.Where(l => !scope.Includes(l.CityId)))
        {
            if ((await references.TeamsOfAsync(league.LeagueId, ct)).Named(teamName) is not null)
            {
                return check.Fail<(LeagueFacts, TeamDto)?>("team", teamName, "not_in_your_cities", $"{teamName} is not in your cities.");
            }
        }

        return check.Fail<(LeagueFacts, TeamDto)?>("team", teamName, "team_not_found", $"No team named {teamName} plays in an open league of your cities{Where(city, season)}: add the League column.");
    }

    /// <summary>Open leagues narrowed by the row's city (else the import's, unless another city's row is to be told apart) and season.</summary>
    private List<LeagueFacts> Narrowed(IEnumerable<LeagueFacts> leagues, RowChecks check, string? city, string? season, out bool badSeason)
    {
        badSeason = false;
        var candidates = leagues.Where(l => l.Status != LeagueStatus.Archived).ToList();
        if (city is not null)
        {
            var cityKey = references.Key(city);
            candidates = [.. candidates.Where(l => references.Key(l.CityName) == cityKey)];
        }
        else if (defaultCityId is { } cityId)
        {
            candidates = [.. candidates.Where(l => l.CityId == cityId)];
        }

        if (season is null)
        {
            return candidates;
        }

        if (!Seasons.TryParse(season, out var term, out var year))
        {
            badSeason = true;
            check.Fail("season", season, "invalid_season", $"'{season}' is not a season such as Fall 2026.");
            return [];
        }

        return [.. candidates.Where(l => (term is null || l.Term == term) && (year is null || l.SeasonYear == year))];
    }

    /// <summary>The closest name among the open leagues of the caller's cities (of the import's city, when it names one).</summary>
    private string? ClosestLeague(string leagueName) =>
        NearMatches.Closest(leagueName, references.AllLeagues
            .Where(l => l.Status != LeagueStatus.Archived && scope.Includes(l.CityId) && (defaultCityId is null || l.CityId == defaultCityId))
            .Select(l => l.Name));

    private static string Where(string? city, string? season) =>
        (city, season) switch
        {
            (null, null) => string.Empty,
            (_, null) => $" in {city}",
            (null, _) => $" in {season}",
            _ => $" in {city}, {season}",
        };
}
