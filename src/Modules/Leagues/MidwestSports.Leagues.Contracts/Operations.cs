using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

public sealed record VenueDto(Guid Id, Guid CityId, string CityName, string Name, string Address, IReadOnlyList<string> Fields, long Version) : IVersioned;

/// <summary>The facts other modules may ask of a venue synchronously (the trivia partner's venues map to these).</summary>
public sealed record VenueFacts(Guid VenueId, Guid CityId, string CityName, string Name);

public interface IVenueDirectory
{
    /// <summary>Every venue with its city, ordered by city and name. Unscoped: callers apply their own scope.</summary>
    Task<IReadOnlyList<VenueFacts>> AllAsync(CancellationToken cancellationToken);
}

/// <summary>What an admin sets on a venue; POST and PUT take the same body.</summary>
/// <param name="Version">The version the edit starts from (as read, or as the ETag said); a stale one is refused (412). Omitted: the edit is unconditional.</param>
public sealed record VenueFields(Guid CityId, string Name, string Address, IReadOnlyList<string> Fields, long? Version = null);

/// <summary>Venues of the caller's cities by city and name; <paramref name="Q"/> keeps those whose name or address contains it (case ignored), <paramref name="Limit"/> the first ones.</summary>
public sealed record ListVenues(Guid? CityId = null, string? Q = null, int? Limit = null) : IQuery<IReadOnlyList<VenueDto>>;

public sealed record GetVenue(Guid VenueId) : IQuery<VenueDto>;

public sealed record CreateVenue(VenueFields Fields) : ICommand<VenueDto>;

public sealed record UpdateVenue(Guid VenueId, VenueFields Fields) : ICommand<VenueDto>;

/// <summary>Deletes a venue no league slot or game uses.</summary>
public sealed record DeleteVenue(Guid VenueId) : ICommand<Unit>;

public sealed record SlotFields(Guid VenueId, string Field, TimeOnly Start, int DurationMinutes);

public sealed record SlotDto(Guid VenueId, string VenueName, string Field, TimeOnly Start, int DurationMinutes);

public sealed record BlackoutFields(DateOnly Date, Guid? TeamId, string Reason);

public sealed record BlackoutDto(Guid Id, DateOnly Date, Guid? TeamId, string? TeamName, string Reason);

public sealed record LeagueTeamDto(Guid TeamId, string Name, bool Active);

public sealed record TieBreakerRuleSetDto(string Name, string Title, IReadOnlyList<string> TwoTeam, IReadOnlyList<string> MultiTeam);

public sealed record LeagueRulesFields(int ForfeitWinScore, int ForfeitLossScore, string TieBreakers, int? DifferentialCap);

/// <summary>Everything a season needs before it can be scheduled: slots, blackouts, rules and the teams.</summary>
public sealed record SeasonSetupDto(
    Guid LeagueId,
    string LeagueName,
    Guid CityId,
    DayOfWeek Night,
    string TimeZone,
    IReadOnlyList<SlotDto> Slots,
    IReadOnlyList<BlackoutDto> Blackouts,
    LeagueRulesFields Rules,
    IReadOnlyList<TieBreakerRuleSetDto> RuleSets,
    IReadOnlyList<LeagueTeamDto> Teams);

public sealed record GetSeasonSetup(Guid LeagueId) : IQuery<SeasonSetupDto>;

/// <summary>Replaces the league's time slots.</summary>
public sealed record SetLeagueSlots(Guid LeagueId, IReadOnlyList<SlotFields> Slots) : ICommand<SeasonSetupDto>;

public sealed record AddBlackout(Guid LeagueId, BlackoutFields Fields) : ICommand<SeasonSetupDto>;

public sealed record RemoveBlackout(Guid LeagueId, Guid BlackoutId) : ICommand<SeasonSetupDto>;

public sealed record SetLeagueRules(Guid LeagueId, LeagueRulesFields Rules) : ICommand<SeasonSetupDto>;

public enum ScheduleFormat
{
    Single,
    Double,
}

/// <summary>Plans a season (preview) or plans and saves it (commit). Games already played are kept.</summary>
/// <param name="ExpectedPlan">The preview's <c>planId</c>: the commit saves only that very plan (409 when it would differ).</param>
public sealed record GenerateSchedule(Guid LeagueId, ScheduleFormat Format, DateOnly StartDate, int Weeks, bool Commit, string? ExpectedPlan = null) : ICommand<SchedulePreviewDto>;

/// <summary>
/// Whether a league's saved schedule still fits its teams: teams that joined since it was planned (they sit out every
/// week) and teams that left (their unplayed games remain). Carries the options a replan would use.
/// </summary>
public sealed record GetScheduleFit(Guid LeagueId) : IQuery<ScheduleFitDto>;

/// <param name="Scheduled">The league has a saved regular-season schedule.</param>
/// <param name="Joined">Active teams with no game in the schedule.</param>
/// <param name="Left">Teams no longer active in the league that still have unplayed games.</param>
/// <param name="Format">The schedule's format as saved (double when any two teams meet twice).</param>
/// <param name="StartDate">The schedule's first night, or the league's next night without a schedule.</param>
/// <param name="Weeks">Enough weeks for the current teams from that first night.</param>
public sealed record ScheduleFitDto(bool Scheduled, IReadOnlyList<string> Joined, IReadOnlyList<string> Left, ScheduleFormat Format, DateOnly StartDate, int Weeks)
{
    public bool NeedsReplan => Scheduled && (Joined.Count > 0 || Left.Count > 0);
}

public sealed record ScheduleOptions(ScheduleFormat Format, DateOnly StartDate, int Weeks, bool Commit = false, string? ExpectedPlan = null);

public sealed record GameDto(
    Guid Id,
    Guid LeagueId,
    Guid CityId,
    GameKind Kind,
    int Round,
    DateOnly? Date,
    TimeOnly? Start,
    int DurationMinutes,
    Guid? VenueId,
    string? VenueName,
    string? Field,
    Guid HomeTeamId,
    string HomeTeamName,
    Guid AwayTeamId,
    string AwayTeamName,
    GameStatus Status,
    int? HomeScore,
    int? AwayScore,
    Guid? ForfeitedBy,
    string? BracketCode,
    long Version) : IVersioned;

public sealed record ByeDto(int Round, DateOnly Date, Guid TeamId, string TeamName);

public sealed record UnplacedGameDto(int Round, Guid HomeTeamId, string HomeTeamName, Guid AwayTeamId, string AwayTeamName, string Reason);

/// <param name="Kept">Games with results that the plan keeps as they are.</param>
/// <param name="Replaced">Unplayed games a commit deletes and replaces.</param>
public sealed record SchedulePreviewDto(
    bool Committed,
    string PlanId,
    int Kept,
    int Replaced,
    IReadOnlyList<GameDto> Games,
    IReadOnlyList<ByeDto> Byes,
    IReadOnlyList<UnplacedGameDto> Unplaced);

public sealed record ListGames(Guid LeagueId, Guid? TeamId = null) : IQuery<IReadOnlyList<GameDto>>;

public sealed record GetGame(Guid GameId) : IQuery<GameDto>;

/// <param name="Version">The version the edit starts from (as read, or as the ETag said); a stale one is refused (412). Omitted: the edit is unconditional.</param>
public sealed record MoveGameFields(DateOnly Date, TimeOnly Start, Guid VenueId, string Field, int? DurationMinutes = null, long? Version = null);

/// <summary>Moves or reschedules one game (a cancelled game becomes scheduled again).</summary>
public sealed record MoveGame(Guid GameId, MoveGameFields Fields) : ICommand<GameDto>;

public sealed record CancelGame(Guid GameId) : ICommand<GameDto>;

/// <summary>Removes a game's result (entered on the wrong game, say); the reason is kept in the audit log.</summary>
public sealed record ClearResult(Guid GameId, string Reason) : ICommand<GameDto>;

/// <summary>A result: scores, or a forfeit (the league's forfeit score is recorded). A correction needs a reason, kept in the audit log.</summary>
public sealed record ResultFields(int? HomeScore, int? AwayScore, Guid? ForfeitedBy = null, string? Reason = null, long? Version = null);

public sealed record RecordResult(Guid GameId, ResultFields Fields) : ICommand<GameDto>;

public sealed record StandingsRowDto(
    int Position,
    Guid TeamId,
    string TeamName,
    int Played,
    int Won,
    int Lost,
    int Tied,
    int Forfeits,
    decimal WinPercentage,
    int PointsFor,
    int PointsAgainst,
    int Differential,
    int CappedDifferential,
    string? AboveNextBecause);

public sealed record StandingsDto(Guid LeagueId, string LeagueName, TieBreakerRuleSetDto Rules, int? DifferentialCap, IReadOnlyList<StandingsRowDto> Rows);

public sealed record GetStandings(Guid LeagueId) : IQuery<StandingsDto>;

public enum PlayoffFormat
{
    SingleElimination,
    DoubleElimination,
}

public sealed record PlayoffOptions(PlayoffFormat Format, int Teams);

/// <summary>Seeds a bracket from the standings (top <c>Teams</c>) and creates the first games.</summary>
public sealed record CreatePlayoffs(Guid LeagueId, PlayoffFormat Format, int Teams) : ICommand<BracketDto>;

public sealed record BracketMatchDto(
    string Code,
    string Side,
    int Round,
    int Position,
    Guid? HomeTeamId,
    string? HomeTeamName,
    int? HomeSeed,
    Guid? AwayTeamId,
    string? AwayTeamName,
    int? AwaySeed,
    bool IsBye,
    Guid? WinnerId,
    bool Needed,
    Guid? GameId,
    int? HomeScore,
    int? AwayScore);

public sealed record BracketDto(Guid LeagueId, PlayoffFormat Format, IReadOnlyList<BracketMatchDto> Matches, Guid? ChampionId, string? ChampionName);

public sealed record GetBracket(Guid LeagueId) : IQuery<BracketDto>;

/// <summary>Refreshes the Leagues module's team replica from the Teams module (all teams, or one league's).</summary>
public sealed record RefreshLeagueTeams(Guid? LeagueId = null) : ICommand<int>;
