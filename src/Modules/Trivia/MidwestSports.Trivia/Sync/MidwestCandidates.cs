using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Trivia.Sync;

internal sealed record CandidateTeam(Guid TeamId, Guid LeagueId, string LeagueName, Guid CityId, string Name);

/// <summary>
/// What partner names can match, asked of the Leagues and Teams modules through their Contracts: venues by city, and
/// the teams of each city's live trivia leagues.
/// </summary>
internal sealed class MidwestCandidates
{
    private MidwestCandidates(IReadOnlyList<VenueFacts> venues, IReadOnlyList<LeagueFacts> leagues, IReadOnlyList<CandidateTeam> teams)
    {
        Venues = venues;
        Leagues = leagues;
        Teams = teams;
    }

    public const string TriviaSport = "Trivia";

    public IReadOnlyList<VenueFacts> Venues { get; }

    public IReadOnlyList<LeagueFacts> Leagues { get; }

    public IReadOnlyList<CandidateTeam> Teams { get; }

    public static async Task<MidwestCandidates> LoadAsync(IVenueDirectory venues, ILeagueDirectory leagues, ITeamDirectory teams, CancellationToken ct)
    {
        var trivia = (await leagues.AllAsync(ct))
            .Where(l => string.Equals(l.Sport, TriviaSport, StringComparison.OrdinalIgnoreCase) && l.Status != LeagueStatus.Archived)
            .ToList();
        var candidates = new List<CandidateTeam>();
        foreach (var league in trivia)
        {
            candidates.AddRange((await teams.TeamsOfLeagueAsync(league.LeagueId, ct))
                .Where(t => t.Status == TeamStatus.Active)
                .Select(t => new CandidateTeam(t.TeamId, league.LeagueId, league.Name, league.CityId, t.Name)));
        }

        return new MidwestCandidates(await venues.AllAsync(ct), trivia, candidates);
    }

    /// <summary>The city the partner names, matched by normalised name.</summary>
    public Guid? CityNamed(string cityName)
    {
        var key = TeamNames.Normalize(cityName);
        return Venues.FirstOrDefault(v => TeamNames.Normalize(v.CityName) == key)?.CityId
            ?? Leagues.FirstOrDefault(l => TeamNames.Normalize(l.CityName) == key)?.CityId;
    }

    /// <summary>The one venue of the city with exactly this normalised name, else null (ambiguity is for a person).</summary>
    public VenueFacts? ExactVenue(Guid? cityId, string name)
    {
        var key = TeamNames.Normalize(name);
        var found = Venues.Where(v => (cityId is null || v.CityId == cityId) && TeamNames.Normalize(v.Name) == key).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The one trivia team of the city with exactly this normalised name, else null.</summary>
    public CandidateTeam? ExactTeam(Guid? cityId, string name)
    {
        if (cityId is null)
        {
            return null;
        }

        var key = TeamNames.Normalize(name);
        var found = Teams.Where(t => t.CityId == cityId && TeamNames.Normalize(t.Name) == key).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
