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

    public SyncRunDto ToDto() => new(Id, Trigger, Status, StartedAt, FinishedAt, EventsReceived, ResultsCreated, ResultsUpdated, ResultsUnchanged,
        ResultsVoided, UnmatchedTeams, UnmatchedVenues, NightsHeld, Error);
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
