using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features.GameImport;

/// <summary>
/// The rules a single game and result command applies, for every row of an import: the league in the caller's scope and
/// not archived, both teams (different) of that league, the venue in the league's city with the field named, scores from
/// 0 to 999 that agree with the status, and a forfeit by one of the two teams. The first broken rule names its row
/// (<c>rows[i].field</c>) in a 400, and nothing is written.
/// </summary>
internal sealed class GameImportRules
{
    private const int MaxScore = 999;

    private readonly CityScope scope;
    private readonly Dictionary<Guid, League> leagues;
    private readonly Dictionary<Guid, LeagueTeam> teams;
    private readonly Dictionary<Guid, Venue> venues;

    private GameImportRules(CityScope scope, Dictionary<Guid, League> leagues, Dictionary<Guid, LeagueTeam> teams, Dictionary<Guid, Venue> venues)
    {
        this.scope = scope;
        this.leagues = leagues;
        this.teams = teams;
        this.venues = venues;
    }

    public IEnumerable<League> Leagues => leagues.Values;

    public static async Task<GameImportRules> LoadAsync(LeaguesDbContext db, CityScope scope, IReadOnlyList<GameImportRow> rows, CancellationToken ct)
    {
        var leagueIds = rows.Select(r => r.Fields.LeagueId).Distinct().ToList();
        var teamIds = rows.SelectMany(r => new[] { r.Fields.HomeTeamId, r.Fields.AwayTeamId }).Distinct().ToList();
        var venueIds = rows.Where(r => r.Fields.VenueId is not null).Select(r => r.Fields.VenueId!.Value).Distinct().ToList();
        return new GameImportRules(
            scope,
            await db.Leagues.InScope(scope).Where(l => leagueIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct),
            await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, ct),
            await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct));
    }

    /// <summary>Checks row <paramref name="index"/> and returns its league.</summary>
    public League Check(int index, GameImportRow row)
    {
        var prefix = $"rows[{index}].";
        var f = row.Fields;
        if (!leagues.TryGetValue(f.LeagueId, out var league))
        {
            throw Invalid(prefix + "leagueId", "The league does not exist.");
        }

        scope.EnsureCanWriteIn(league.CityId);
        if (league.Status == LeagueStatus.Archived)
        {
            throw Invalid(prefix + "leagueId", $"{league.Name} is archived; its games cannot change.");
        }

        if (f.Date < DateRules.Earliest || f.Date > DateRules.Latest)
        {
            throw Invalid(prefix + "date", $"A game's date is between {DateRules.Earliest:yyyy-MM-dd} and {DateRules.Latest:yyyy-MM-dd}.");
        }

        if (f.HomeTeamId == f.AwayTeamId)
        {
            throw Invalid(prefix + "awayTeamId", "A team cannot play itself.");
        }

        foreach (var (field, teamId) in new[] { ("homeTeamId", f.HomeTeamId), ("awayTeamId", f.AwayTeamId) })
        {
            if (!teams.TryGetValue(teamId, out var team) || team.LeagueId != league.Id || team.Deleted)
            {
                throw Invalid(prefix + field, $"The team is not in {league.Name}.");
            }
        }

        if (f.VenueId is { } venueId)
        {
            if (!venues.TryGetValue(venueId, out var venue) || venue.CityId != league.CityId)
            {
                throw Invalid(prefix + "venueId", "The venue does not exist in the league's city.");
            }

            if (string.IsNullOrWhiteSpace(f.Field) || !venue.Fields.Contains(f.Field.Trim(), StringComparer.Ordinal))
            {
                throw Invalid(prefix + "field", $"{venue.Name} has no field '{f.Field}'.");
            }
        }
        else if (f.Field is not null)
        {
            throw Invalid(prefix + "venueId", "A field needs its venue.");
        }

        CheckOutcome(prefix, f);
        return league;
    }

    /// <summary>The scores stored: as entered for a played game, the league's forfeit score for a forfeit, none otherwise.</summary>
    public static (int? Home, int? Away) Scores(GameImportFields f, League league) => f.Status switch
    {
        GameStatus.Final => (f.HomeScore, f.AwayScore),
        GameStatus.Forfeit => f.ForfeitedBy == f.HomeTeamId ? (league.ForfeitLossScore, league.ForfeitWinScore) : (league.ForfeitWinScore, league.ForfeitLossScore),
        _ => (null, null),
    };

    private static void CheckOutcome(string prefix, GameImportFields f)
    {
        foreach (var (field, score) in new[] { ("homeScore", f.HomeScore), ("awayScore", f.AwayScore) })
        {
            if (score is < 0 or > MaxScore)
            {
                throw Invalid(prefix + field, $"A score is a whole number from 0 to {MaxScore}.");
            }
        }

        switch (f.Status)
        {
            case GameStatus.Final when f.HomeScore is null || f.AwayScore is null:
                throw Invalid(prefix + "homeScore", "A played game needs both scores.");
            case GameStatus.Final when f.ForfeitedBy is not null:
                throw Invalid(prefix + "forfeitedBy", "A forfeit is recorded with the status Forfeit.");
            case GameStatus.Forfeit when f.ForfeitedBy != f.HomeTeamId && f.ForfeitedBy != f.AwayTeamId:
                throw Invalid(prefix + "forfeitedBy", "The forfeiting team must be one of the game's two teams.");
            case GameStatus.Scheduled or GameStatus.Cancelled when f.HomeScore is not null || f.AwayScore is not null || f.ForfeitedBy is not null:
                throw Invalid(prefix + "status", $"A {f.Status.ToString().ToLowerInvariant()} game has no result.");
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
