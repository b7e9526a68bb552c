using MidwestSports.Shared.Access;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Trivia.Domain;

/// <summary>A run of the partner sync. A failed run keeps its reason; the data from earlier runs stays as it was.</summary>
internal sealed class SyncRun
{
    public Guid Id { get; set; }

    public SyncTrigger Trigger { get; set; }

    public SyncRunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The feed's updatedSince for this run: the last success minus the look-back window.</summary>
    public DateTimeOffset UpdatedSince { get; set; }

    public int EventsReceived { get; set; }

    public int ResultsCreated { get; set; }

    public int ResultsUpdated { get; set; }

    public int ResultsUnchanged { get; set; }

    public int ResultsVoided { get; set; }

    public int UnmatchedTeams { get; set; }

    public int UnmatchedVenues { get; set; }

    public int NightsHeld { get; set; }

    public string? Error { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>The figures per city (jsonb), so a city admin's view of a run holds their cities' nights only.</summary>
    public Dictionary<Guid, CityFigures> PerCity { get; set; } = [];

    /// <summary>The whole run for a system admin; the sum over the caller's cities for anyone else (a venue not linked yet belongs to no city).</summary>
    public SyncRunDto ToDto(CityScope scope)
    {
        if (scope.AllCities)
        {
            return new(Id, Trigger, Status, StartedAt, FinishedAt, EventsReceived, ResultsCreated, ResultsUpdated, ResultsUnchanged,
                ResultsVoided, UnmatchedTeams, UnmatchedVenues, NightsHeld, Error);
        }

        var mine = PerCity.Where(c => scope.Includes(c.Key)).Select(c => c.Value).ToList();
        return new(Id, Trigger, Status, StartedAt, FinishedAt, mine.Sum(f => f.Events), mine.Sum(f => f.Created), mine.Sum(f => f.Updated),
            mine.Sum(f => f.Unchanged), mine.Sum(f => f.Voided), mine.Sum(f => f.UnmatchedTeams), mine.Sum(f => f.UnmatchedVenues), mine.Sum(f => f.NightsHeld), Error);
    }
}

/// <summary>One city's part of a run.</summary>
internal sealed class CityFigures
{
    public int Events { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Voided { get; set; }

    public int NightsHeld { get; set; }

    public int UnmatchedTeams { get; set; }

    public int UnmatchedVenues { get; set; }
}

/// <summary>A page of the partner feed exactly as received, with its hash: what a run saw can always be looked at again.</summary>
internal sealed class RawPage
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public int Number { get; set; }

    public string Hash { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>The standings rules of one trivia league; a league without a row uses the plain default.</summary>
internal sealed class TriviaLeagueRules
{
    public Guid LeagueId { get; set; }

    public TriviaScoring Scoring { get; set; }

    public int[] PointsTable { get; set; } = [];

    public int? BestNights { get; set; }

    public int MinimumNights { get; set; }

    public string[] ExcludedGameTypes { get; set; } = [];

    public long Version { get; set; }

    public TriviaRulesDto ToDto() => new(Scoring, PointsTable, BestNights, MinimumNights, ExcludedGameTypes, Version);

    public static TriviaRulesDto Default => new(TriviaScoring.TotalScore, [], null, 0, [], 0);
}
