using System.Globalization;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Partner;

namespace MidwestSports.Trivia.Sync;

/// <summary>A partner event read into our terms, with what is wrong with it. A night with problems is kept but held.</summary>
internal sealed record ValidatedNight(
    string EventId,
    TriviaNightStatus Status,
    DateTimeOffset LastModified,
    string Season,
    int Week,
    string GameType,
    DateOnly Date,
    TimeOnly StartTime,
    string PartnerVenueId,
    string VenueName,
    string CityName,
    IReadOnlyList<ValidatedResult> Results,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);

internal sealed record ValidatedResult(string PartnerTeamId, string TeamName, int[] Rounds, int Bonus, int Total, int? Rank);

/// <summary>
/// The partner's data is checked, never trusted: a wrong schema, a night with no teams, a total that is not the sum
/// of its rounds plus bonus hold the night for review (with the reason); a partner rank that contradicts the totals
/// is a warning shown on the night.
/// </summary>
internal static class NightValidation
{
    public const int MaxTeamsPerNight = 80;

    /// <summary>Null when the event has no id at all: there is nothing to hold it under.</summary>
    public static ValidatedNight? Validate(FeedEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.EventId))
        {
            return null;
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        var status = e.Status?.Trim().ToLowerInvariant() switch
        {
            "final" => TriviaNightStatus.Final,
            "provisional" => TriviaNightStatus.Provisional,
            "void" => TriviaNightStatus.Void,
            _ => Problem(problems, $"status '{e.Status}' is not final, provisional or void", TriviaNightStatus.Provisional),
        };
        var date = DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : Problem(problems, $"date '{e.Date}' is not yyyy-mm-dd", DateOnly.MinValue);
        var start = TimeOnly.TryParseExact(e.StartTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : Problem(problems, $"startTime '{e.StartTime}' is not hh:mm", TimeOnly.MinValue);
        if (e.LastModified is null)
        {
            problems.Add("lastModified is missing");
        }

        if (string.IsNullOrWhiteSpace(e.Venue?.VenueId))
        {
            problems.Add("venue.venueId is missing");
        }

        var results = new List<ValidatedResult>();
        foreach (var (r, i) in (e.Results ?? []).Select((r, i) => (r, i + 1)))
        {
            if (r is null || string.IsNullOrWhiteSpace(r.TeamId) || r.Total is null)
            {
                problems.Add($"result {i} has no teamId or total");
                continue;
            }

            var rounds = r.Rounds?.ToArray() ?? [];
            var sum = rounds.Sum() + (r.Bonus ?? 0);
            if (rounds.Length > 0 && sum != r.Total)
            {
                problems.Add($"{r.TeamName ?? r.TeamId}: total {r.Total} is not rounds plus bonus ({sum})");
            }

            if (rounds.Any(x => x < 0) || r.Total < 0)
            {
                problems.Add($"{r.TeamName ?? r.TeamId}: negative score");
            }

            results.Add(new ValidatedResult(r.TeamId.Trim(), string.IsNullOrWhiteSpace(r.TeamName) ? r.TeamId.Trim() : r.TeamName.Trim(), rounds, r.Bonus ?? 0, r.Total.Value, r.Rank));
        }

        if (status != TriviaNightStatus.Void && results.Count == 0)
        {
            problems.Add("the night has no teams");
        }

        if (results.Count > MaxTeamsPerNight)
        {
            problems.Add($"{results.Count} teams in one night is implausible (at most {MaxTeamsPerNight})");
        }

        foreach (var duplicate in results.GroupBy(r => r.PartnerTeamId).Where(g => g.Count() > 1))
        {
            problems.Add($"team {duplicate.Key} appears {duplicate.Count()} times");
        }

        foreach (var r in results.Where(r => r.Rank is not null))
        {
            var place = 1 + results.Count(o => o.Total > r.Total);
            if (r.Rank != place)
            {
                warnings.Add($"partner rank {r.Rank} for {r.TeamName} contradicts the totals (place {place})");
            }
        }

        return new ValidatedNight(e.EventId.Trim(), status, e.LastModified ?? DateTimeOffset.MinValue, e.SeasonId?.Trim() ?? string.Empty, e.Week ?? 0,
            e.GameType?.Trim().ToLowerInvariant() ?? "regular", date, start, e.Venue?.VenueId?.Trim() ?? string.Empty, e.Venue?.Name?.Trim() ?? string.Empty,
            e.Venue?.City?.Trim() ?? string.Empty, results, problems, warnings);
    }

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
