using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Trivia.Contracts;

public enum SyncTrigger
{
    Schedule,
    Manual,
}

public enum SyncRunStatus
{
    Running,
    Succeeded,
    Failed,
}

public enum TriviaNightStatus
{
    Final,
    Provisional,
    Void,
}

public enum UnmatchedKind
{
    Team,
    Venue,
}

/// <summary>One run of the partner sync and what it did.</summary>
public sealed record SyncRunDto(
    Guid Id,
    SyncTrigger Trigger,
    SyncRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int EventsReceived,
    int ResultsCreated,
    int ResultsUpdated,
    int ResultsUnchanged,
    int ResultsVoided,
    int UnmatchedTeams,
    int UnmatchedVenues,
    int NightsHeld,
    string? Error);

public sealed record StartTriviaSync(SyncTrigger Trigger) : ICommand<SyncRunDto>;

public sealed record ListSyncRuns(int Limit = 50) : IQuery<IReadOnlyList<SyncRunDto>>;

public sealed record GetSyncRun(Guid RunId) : IQuery<SyncRunDto>;

/// <summary>A suggestion for an unmatched partner team or venue: a Midwest team or venue, scored 0-100.</summary>
public sealed record MatchSuggestionDto(Guid TargetId, string Name, int Score);

/// <summary>A partner team or venue that no Midwest one matched exactly; its results wait until it is linked, created or ignored.</summary>
public sealed record UnmatchedDto(
    Guid Id,
    UnmatchedKind Kind,
    string PartnerId,
    string? PartnerSeason,
    string Name,
    string CityName,
    Guid? CityId,
    int WaitingResults,
    IReadOnlyList<MatchSuggestionDto> Suggestions);

public sealed record ListUnmatched : IQuery<IReadOnlyList<UnmatchedDto>>;

public sealed record LinkUnmatched(Guid UnmatchedId, Guid TargetId) : ICommand<Unit>;

public sealed record IgnoreUnmatched(Guid UnmatchedId) : ICommand<Unit>;

public sealed record CreateTeamFromUnmatched(Guid UnmatchedId, Guid LeagueId) : ICommand<Unit>;

public sealed record TriviaResultDto(Guid? TeamId, string PartnerTeamName, string? TeamName, IReadOnlyList<int> Rounds, int Bonus, int Total, int? Rank);

public sealed record TriviaNightDto(
    Guid Id,
    string EventId,
    string Season,
    int Week,
    string GameType,
    TriviaNightStatus Status,
    DateOnly Date,
    TimeOnly StartTime,
    string VenueName,
    bool Held,
    IReadOnlyList<string> Flags,
    IReadOnlyList<TriviaResultDto> Results);

/// <summary>A league night at a venue the partner's nights map to, 36 hours past, with no results from the partner.</summary>
public sealed record MissingTriviaNightDto(Guid LeagueId, string LeagueName, Guid VenueId, DateOnly Date, TimeOnly Start);

/// <summary>The league nights of the last <paramref name="Weeks"/> weeks that should have partner results by now and have none (caller's cities).</summary>
public sealed record ListMissingTriviaNights(int Weeks = 4) : IQuery<IReadOnlyList<MissingTriviaNightDto>>;

public sealed record ListTriviaNights(Guid LeagueId) : IQuery<IReadOnlyList<TriviaNightDto>>;

public sealed record TriviaStandingNightDto(Guid NightId, DateOnly Date, int Total, int? Rank, decimal Points, bool Counted);

public sealed record TriviaStandingRowDto(
    int Rank,
    bool SharedRank,
    Guid TeamId,
    string TeamName,
    int NightsPlayed,
    int NightsCounted,
    int NightsWon,
    decimal Points,
    int TotalScore,
    bool Qualified,
    IReadOnlyList<TriviaStandingNightDto> Nights);

public sealed record TriviaStandingsDto(Guid LeagueId, string LeagueName, string RuleSet, DateTimeOffset AsOf, IReadOnlyList<TriviaStandingRowDto> Rows);

public sealed record GetTriviaStandings(Guid LeagueId) : IQuery<TriviaStandingsDto>;

public enum TriviaScoring
{
    TotalScore,
    PlacementPoints,
}

/// <summary>How a trivia league's standings are computed. The default: every non-void night's total, no minimum, nothing excluded.</summary>
public sealed record TriviaRulesDto(
    TriviaScoring Scoring,
    IReadOnlyList<int> PointsTable,
    int? BestNights,
    int MinimumNights,
    IReadOnlyList<string> ExcludedGameTypes,
    long Version) : IVersioned;

public sealed record TriviaRulesFields(
    TriviaScoring Scoring,
    IReadOnlyList<int>? PointsTable,
    int? BestNights,
    int MinimumNights,
    IReadOnlyList<string>? ExcludedGameTypes,
    long? Version = null);

public sealed record GetTriviaRules(Guid LeagueId) : IQuery<TriviaRulesDto>;

public sealed record SetTriviaRules(Guid LeagueId, TriviaRulesFields Fields) : ICommand<TriviaRulesDto>;

/// <summary>A sync or a review changed the results behind a trivia league's standings (for caches of the public site).</summary>
public sealed record TriviaStandingsChanged(Guid EventId, Guid LeagueId, Guid CityId, DateTimeOffset At) : IIntegrationEvent;

public enum TriviaUploadStatus
{
    Previewed,
    Applied,
    Discarded,
}

/// <summary>What a row of an uploaded file says about itself: an error keeps its night from being applied; a warning does not.</summary>
public sealed record TriviaUploadMessageDto(int Row, string? Column, string Message, bool Error);

/// <summary>What applying an upload does (its preview) or did (once applied), in the sync's terms.</summary>
public sealed record TriviaUploadFiguresDto(int Nights, int ResultsCreated, int ResultsUpdated, int ResultsUnchanged, int ResultsVoided, int NightsHeld, int NightsSkipped, int Unmatched);

/// <summary>An uploaded partner export: nothing of it is applied until <see cref="ApplyTriviaUpload"/>.</summary>
public sealed record TriviaUploadDto(
    Guid Id,
    string FileName,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string Encoding,
    string? Delimiter,
    TriviaUploadStatus Status,
    int Rows,
    TriviaUploadFiguresDto Preview,
    TriviaUploadFiguresDto? Applied,
    DateTimeOffset? AppliedAt,
    IReadOnlyList<TriviaUploadMessageDto> Messages);

/// <summary>Reads a partner CSV or XLSX export of nights and previews it (what applying it would change). Nothing is applied.</summary>
public sealed record UploadTriviaNights(string FileName, byte[] Content) : ICommand<TriviaUploadDto>;

/// <summary>Applies a previewed upload through the sync's pipeline, for the caller's cities only. A second apply is a 409.</summary>
public sealed record ApplyTriviaUpload(Guid UploadId) : ICommand<TriviaUploadDto>;

public sealed record DiscardTriviaUpload(Guid UploadId) : ICommand<TriviaUploadDto>;

// What the public site shows of trivia: published leagues only (null otherwise), nights that are neither held for
// review nor void, partner results as the partner published them; no personal field exists in these shapes.

public sealed record PublicTriviaStandings(Guid LeagueId, string LeagueName, string RuleSet, IReadOnlyList<TriviaStandingRowDto> Rows, DateTimeOffset UpdatedAt);

public sealed record PublicTriviaResult(int? Rank, Guid? TeamId, string TeamName, IReadOnlyList<int> Rounds, int Bonus, int Total);

public sealed record PublicTriviaNight(Guid Id, string Season, int Week, string GameType, TriviaNightStatus Status, DateOnly Date, TimeOnly StartTime, string VenueName, IReadOnlyList<PublicTriviaResult> Results);

public sealed record PublicTriviaNights(Guid LeagueId, string LeagueName, IReadOnlyList<PublicTriviaNight> Nights, DateTimeOffset UpdatedAt);

public sealed record GetPublicTriviaStandings(Guid LeagueId) : IQuery<PublicTriviaStandings?>;

public sealed record ListPublicTriviaNights(Guid LeagueId) : IQuery<PublicTriviaNights?>;
