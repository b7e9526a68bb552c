using System.Globalization;
using System.Text.RegularExpressions;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Partner;

namespace MidwestSports.Trivia.Upload;

/// <summary>One row of an upload (one team on one night), read into typed values; what was wrong with it is in the messages.</summary>
internal sealed record UploadedRow(
    int Number, string EventId, string? Status, string? Date, string? StartTime, string? VenueId, string? VenueName, string? City,
    string TeamId, string? TeamName, int[] Rounds, int? Bonus, int? Total, int? Rank, string? Season, int? Week, string? GameType,
    DateTimeOffset? LastModified, bool HasError);

internal sealed record UploadedRows(IReadOnlyList<UploadedRow> Rows, IReadOnlyList<TriviaUploadMessageDto> Messages);

/// <summary>
/// The partner's export, column by column: headers are matched ignoring case, spaces and punctuation ("Event ID",
/// "event_id", "eventId"), rounds are "R1".."R12" or "Round 1"; an unknown column is reported and ignored, a missing
/// required one refuses the file. A cell that a spreadsheet would run as a formula is kept as text and flagged.
/// </summary>
internal static partial class NightRows
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["eventid"] = "eventId", ["event"] = "eventId", ["status"] = "status", ["date"] = "date", ["eventdate"] = "date", ["nightdate"] = "date",
        ["starttime"] = "startTime", ["start"] = "startTime", ["time"] = "startTime", ["venueid"] = "venueId", ["venuename"] = "venueName", ["venue"] = "venueName",
        ["city"] = "city", ["venuecity"] = "city", ["teamid"] = "teamId", ["teamname"] = "teamName", ["team"] = "teamName", ["bonus"] = "bonus",
        ["total"] = "total", ["totalscore"] = "total", ["score"] = "total", ["rank"] = "rank", ["place"] = "rank", ["position"] = "rank",
        ["season"] = "season", ["seasonid"] = "season", ["week"] = "week", ["gametype"] = "gameType", ["lastmodified"] = "lastModified", ["modified"] = "lastModified",
    };

    public static readonly string[] Required = ["eventId", "status", "date", "startTime", "venueId", "venueName", "city", "teamId", "teamName", "total"];

    public static UploadedRows Read(NightFile file)
    {
        var messages = file.Problems.Select(p => new TriviaUploadMessageDto(1, null, p, true)).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var rounds = new SortedDictionary<int, int>();
        for (var i = 0; i < file.Headers.Count; i++)
        {
            var key = NonAlphanumeric().Replace(file.Headers[i].ToLowerInvariant(), string.Empty);
            if (RoundHeader().Match(key) is { Success: true } round)
            {
                rounds[int.Parse(round.Groups[1].Value, CultureInfo.InvariantCulture)] = i;
            }
            else if (Aliases.TryGetValue(key, out var field) && !columns.ContainsKey(field))
            {
                columns[field] = i;
            }
            else if (key.Length > 0)
            {
                messages.Add(new TriviaUploadMessageDto(1, file.Headers[i], $"Unknown column '{file.Headers[i]}': ignored.", false));
            }
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new UnreadableFileException($"Required column(s) missing: {string.Join(", ", missing)}. The header row must name them (e.g. \"Event ID\", \"Team Name\", \"R1\"…, \"Total\").");
        }

        var rows = new List<UploadedRow>();
        foreach (var row in file.Rows)
        {
            var cell = new RowReader(row, file.Headers, columns, messages);
            var read = new UploadedRow(row.Number, cell.Text("eventId", required: true) ?? string.Empty, cell.Text("status", required: true),
                cell.Date("date"), cell.Time("startTime"), cell.Text("venueId", required: true), cell.Text("venueName"), cell.Text("city"),
                cell.Text("teamId", required: true) ?? string.Empty, cell.Text("teamName"),
                [.. rounds.Values.Select(i => cell.Number(i)).TakeWhile(n => n is not null).Select(n => n!.Value)],
                cell.Number("bonus"), cell.Number("total", required: true), cell.Number("rank"), cell.Text("season"), cell.Number("week"),
                cell.Text("gameType"), cell.Instant("lastModified"), cell.HasError);
            rows.Add(read);
        }

        return new UploadedRows(rows, messages);
    }

    /// <summary>
    /// The rows as the feed's events, one per event id. A night with any bad row is skipped whole: applying it without
    /// that team would read as a correction that dropped the team.
    /// </summary>
    public static (IReadOnlyList<FeedEvent> Events, IReadOnlyList<TriviaUploadMessageDto> Messages) ToEvents(
        IReadOnlyList<UploadedRow> rows, DateTimeOffset uploadedAt, Func<string, (string Season, int Week, string GameType)?> known)
    {
        var events = new List<FeedEvent>();
        var messages = new List<TriviaUploadMessageDto>();
        foreach (var night in rows.Where(r => r.EventId.Length > 0).GroupBy(r => r.EventId, StringComparer.Ordinal))
        {
            var first = night.First();
            var bad = night.Where(r => r.HasError).Select(r => r.Number).ToList();
            var disagreeing = night.Where(r => (r.Date, r.StartTime, r.VenueId, r.Status?.ToLowerInvariant()) != (first.Date, first.StartTime, first.VenueId, first.Status?.ToLowerInvariant())).ToList();
            messages.AddRange(disagreeing.Select(r => new TriviaUploadMessageDto(r.Number, null, $"Night {night.Key}: date, start time, venue or status differs from row {first.Number}.", true)));
            if (bad.Count > 0 || disagreeing.Count > 0)
            {
                messages.Add(new TriviaUploadMessageDto(first.Number, "eventId", $"Night {night.Key} is not applied: row(s) {string.Join(", ", bad.Concat(disagreeing.Select(r => r.Number)).Distinct())} need fixing first.", true));
                continue;
            }

            var prior = known(night.Key);
            events.Add(new FeedEvent(night.Key, first.Status, first.LastModified ?? uploadedAt, first.Season ?? prior?.Season, first.Week ?? prior?.Week,
                first.GameType ?? prior?.GameType, first.Date, first.StartTime, new FeedVenue(first.VenueId, first.VenueName, first.City),
                [.. night.Select(r => new FeedResult(r.TeamId, r.TeamName, r.Rounds.Length > 0 ? r.Rounds : null, r.Bonus, r.Total, r.Rank))]));
        }

        return (events, messages);
    }

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex("^(?:r|rd|round)([0-9]{1,2})$")]
    private static partial Regex RoundHeader();
}
