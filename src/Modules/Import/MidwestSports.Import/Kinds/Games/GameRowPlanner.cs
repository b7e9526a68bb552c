using System.Globalization;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Games;

/// <summary>
/// Plans one games row: its league (by name, narrowed by city and season), the date (ISO, M/D/YYYY or a spreadsheet
/// serial) and start time, the venue by natural name in the league's city and its field, both teams by natural name in
/// the league, and the outcome (scores, a forfeit naming one of the two teams, a status that agrees with them). The game
/// it matches is the league's on that date with those home and away teams; committing creates it, updates it (each
/// field's change), leaves it unchanged, or cannot: every malformed cell is a row error naming its line and column.
/// Only mapped columns are compared: a file without scores leaves results alone.
/// </summary>
internal sealed class GameRowPlanner(RowLeagues leagues, Schedules schedules, ColumnHeaders headers) : IRowPlanner
{
    /// <summary>(league, date, home, away) → the first line that named the game: a second row for it is a duplicate.</summary>
    private readonly Dictionary<(Guid League, DateOnly Date, Guid Home, Guid Away), int> seen = [];

    public async ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct)
    {
        var check = new RowChecks(row, headers);
        var leagueName = check.Text("league", 120, required: true);
        var city = check.Text("city", 100);
        var season = check.Text("season", 20);
        var date = Date(check);
        var start = Start(check);
        var venueName = check.Text("venue", 120);
        var fieldName = check.Text("field", 60);
        var homeName = check.Text("homeTeam", 100, required: true);
        var awayName = check.Text("awayTeam", 100, required: true);
        var homeScore = check.Number("homeScore", 0, 999);
        var awayScore = check.Number("awayScore", 0, 999);
        var forfeitName = check.Text("forfeit", 100);
        var statusText = check.Text("status", 20);
        GameStatus? status = statusText is null ? null
            : GameCells.TryStatus(statusText, out var parsed) ? parsed
            : check.Fail<GameStatus?>("status", statusText, "invalid_choice", $"{headers.Label("status")} '{statusText}' is not one of {GameCells.StatusWords}.");

        var league = leagueName is null ? null : leagues.League(check, leagueName, city, season);
        var home = league is null || homeName is null ? null : await leagues.TeamAsync(check, "homeTeam", homeName, league, ct);
        var away = league is null || awayName is null ? null : await leagues.TeamAsync(check, "awayTeam", awayName, league, ct);
        if (home is not null && home.Id == away?.Id)
        {
            check.Fail("awayTeam", awayName, "same_team", $"{home.Name} cannot play itself.");
        }

        var (venue, field) = league is null ? (null, null) : await PlaceAsync(check, league, venueName, fieldName, ct);
        var forfeitedBy = home is null || away is null || forfeitName is null ? null : Forfeiter(check, forfeitName, home, away);
        var outcome = Outcome(check, status, homeScore, awayScore, forfeitName, forfeitedBy, statusText);

        var values = row.Values; // the row's own read-only map: no copy per row
        if (check.HasErrors || league is null || home is null || away is null || date is not { } day)
        {
            return new RowPlan(row.Line, RowAction.Error, league?.CityId, null, values, [], check.Problems);
        }

        var existing = (await schedules.GamesOfAsync(league.LeagueId, ct))
            .Where(g => g.Date == day && g.HomeTeamId == home.Id && g.AwayTeamId == away.Id)
            .OrderByDescending(g => g.Start == start).ThenBy(g => g.Id)
            .FirstOrDefault();
        if (existing is { Kind: GameKind.Playoff })
        {
            check.Fail("date", row.Values.GetValueOrDefault("date"), "playoff_game", $"{home.Name} v {away.Name} on {day:yyyy-MM-dd} is a playoff game: enter its result on the bracket.");
        }

        if (seen.TryGetValue((league.LeagueId, day, home.Id, away.Id), out var first))
        {
            check.Fail("date", row.Values.GetValueOrDefault("date"), "duplicate_in_file", $"Line {first} already imports {home.Name} v {away.Name} on {day:yyyy-MM-dd}.");
        }
        else
        {
            seen[(league.LeagueId, day, home.Id, away.Id)] = row.Line;
        }

        if (check.HasErrors)
        {
            return new RowPlan(row.Line, RowAction.Error, league.CityId, existing?.Id, values, [], check.Problems);
        }

        var placed = headers.IsMapped("venue") || headers.IsMapped("field");
        var decided = headers.IsMapped("status") || headers.IsMapped("homeScore") || headers.IsMapped("awayScore") || headers.IsMapped("forfeit");
        var result = existing is not null && !decided ? new Result(existing.Status, existing.HomeScore, existing.AwayScore, existing.ForfeitedBy) : outcome;
        var fields = new GameImportFields(
            league.LeagueId, day,
            existing is not null && !headers.IsMapped("startTime") ? existing.Start : start,
            existing is not null && !placed ? existing.VenueId : venue?.Id,
            existing is not null && !placed ? existing.Field : field,
            home.Id, away.Id, result.Status,
            result.Status == GameStatus.Final ? result.Home : null,
            result.Status == GameStatus.Final ? result.Away : null,
            result.Status == GameStatus.Forfeit ? result.ForfeitedBy : null);
        if (existing is null)
        {
            return new RowPlan(row.Line, RowAction.Create, league.CityId, null, values, [], check.Problems) { Write = new GameImportRow(null, null, fields) };
        }

        var changes = Changes(existing, fields, venue, home, away);
        return new RowPlan(row.Line, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, league.CityId, existing.Id, values, changes, check.Problems)
        {
            TargetVersion = existing.Version,
            Write = changes.Count > 0 ? new GameImportRow(existing.Id, existing.Version, fields) : null,
        };
    }

    private static DateOnly? Date(RowChecks check)
    {
        var text = check.Text("date", 40, required: true);
        return text is null ? null
            : !Cells.TryDate(text, out var date) ? check.Fail<DateOnly?>("date", text, "invalid_date", $"'{text}' is not a date (2026-09-15, 9/15/2026 or a spreadsheet date).")
            : date < DateRules.Earliest || date > DateRules.Latest
                ? check.Fail<DateOnly?>("date", text, "implausible_date", $"{date:yyyy-MM-dd} is not a date a league plays on (between {DateRules.Earliest:yyyy} and {DateRules.Latest:yyyy}).")
            : date;
    }

    private static TimeOnly? Start(RowChecks check)
    {
        var text = check.Text("startTime", 20);
        return text is null ? null
            : GameCells.TryTime(text, out var time) ? time
            : check.Fail<TimeOnly?>("startTime", text, "invalid_time", $"'{text}' is not a time of day (18:30 or 6:30 PM).");
    }

    /// <summary>The venue by natural name among the league's city's venues, and its field (the only one when the row names none).</summary>
    private async Task<(VenueDto? Venue, string? Field)> PlaceAsync(RowChecks check, LeagueFacts league, string? venueName, string? fieldName, CancellationToken ct)
    {
        if (venueName is null)
        {
            return fieldName is null ? (null, null) : (check.Fail<VenueDto?>("venue", null, "required", $"{headers.Label("venue")} is required with a field."), null);
        }

        var venues = await schedules.VenuesInAsync(league.CityId, ct);
        var venue = venues.FirstOrDefault(v => NaturalKeys.Of(v.Name) == NaturalKeys.Of(venueName));
        if (venue is null)
        {
            var closest = NearMatches.Closest(venueName, venues.Select(v => v.Name));
            return (check.Fail<VenueDto?>("venue", venueName, "venue_not_found", $"No venue named {venueName} in {league.CityName}.{NearMatches.DidYouMean(closest)}"), null);
        }

        if (fieldName is null)
        {
            return venue.Fields.Count == 1 ? (venue, venue.Fields[0])
                : (venue, check.Fail("field", null, "required", $"{venue.Name} has {venue.Fields.Count} fields: say which in {headers.Label("field")}."));
        }

        var field = venue.Fields.FirstOrDefault(f => NaturalKeys.Of(f) == NaturalKeys.Of(fieldName));
        return (venue, field ?? check.Fail("field", fieldName, "field_not_found", $"{venue.Name} has no field {fieldName} (it has {string.Join(", ", venue.Fields)})."));
    }

    /// <summary>The forfeiting team: one of the two teams by natural name, or "home" / "away".</summary>
    private static Guid? Forfeiter(RowChecks check, string text, TeamDto home, TeamDto away)
    {
        var key = NaturalKeys.Of(text);
        return key == NaturalKeys.Of(home.Name) || key == "home" ? home.Id
            : key == NaturalKeys.Of(away.Name) || key == "away" ? away.Id
            : check.Fail<Guid?>("forfeit", text, "forfeit_not_a_team", $"The forfeit names {text}, who is neither {home.Name} nor {away.Name}.");
    }

    /// <summary>The status, said or read from the scores and the forfeit, and whether it agrees with them.</summary>
    private Result Outcome(RowChecks check, GameStatus? said, int? homeScore, int? awayScore, string? forfeitName, Guid? forfeitedBy, string? statusText)
    {
        var status = said ?? (forfeitName is not null ? GameStatus.Forfeit : homeScore is not null || awayScore is not null ? GameStatus.Final : GameStatus.Scheduled);
        switch (status)
        {
            case GameStatus.Final when homeScore is null || awayScore is null:
                check.Fail(homeScore is null ? "homeScore" : "awayScore", null, "score_required", $"A played game needs both {headers.Label("homeScore")} and {headers.Label("awayScore")}.");
                break;
            case GameStatus.Final when forfeitName is not null:
                check.Fail("status", statusText, "status_conflict", $"The row names a forfeit but its status is {statusText}.");
                break;
            case GameStatus.Forfeit when forfeitName is null:
                check.Fail("forfeit", null, "required", $"A forfeit needs {headers.Label("forfeit")}: the team that forfeited.");
                break;
            case GameStatus.Scheduled or GameStatus.Cancelled when homeScore is not null || awayScore is not null || forfeitName is not null:
                check.Fail("status", statusText, "status_conflict", $"A {status.ToString().ToLowerInvariant()} game has no scores or forfeit.");
                break;
        }

        return new Result(status, homeScore, awayScore, forfeitedBy);
    }

    private static List<FieldChangeDto> Changes(GameDto existing, GameImportFields to, VenueDto? venue, TeamDto home, TeamDto away)
    {
        var changes = new List<FieldChangeDto>();
        void Compare(string field, string? from, string? now)
        {
            if (!string.Equals(from ?? string.Empty, now ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(new FieldChangeDto(field, from, now));
            }
        }

        string? Team(Guid? id) => id is null ? null : id == home.Id ? home.Name : away.Name;
        Compare("startTime", Time(existing.Start), Time(to.Start));
        Compare("venue", existing.VenueName, to.VenueId == existing.VenueId ? existing.VenueName : venue?.Name);
        Compare("field", existing.Field, to.Field);
        Compare("status", existing.Status.ToString(), to.Status.ToString());
        Compare("homeScore", Score(existing.Status, existing.HomeScore), Score(to.Status, to.HomeScore));
        Compare("awayScore", Score(existing.Status, existing.AwayScore), Score(to.Status, to.AwayScore));
        Compare("forfeit", Team(existing.Status == GameStatus.Forfeit ? existing.ForfeitedBy : null), Team(to.ForfeitedBy));
        return changes;
    }

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A played game's score; a forfeit's score is the league's, not the file's, and is not compared.</summary>
    private static string? Score(GameStatus status, int? score) => status == GameStatus.Final ? score?.ToString(CultureInfo.InvariantCulture) : null;

    private sealed record Result(GameStatus Status, int? Home, int? Away, Guid? ForfeitedBy);
}
