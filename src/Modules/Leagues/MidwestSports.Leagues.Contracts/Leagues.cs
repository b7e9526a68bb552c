using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

public enum SeasonTerm
{
    Winter,
    Spring,
    Summer,
    Fall,
}

public enum LeagueStatus
{
    Draft,
    Registration,
    Active,
    Completed,
    Archived,
}

public sealed record LeagueDto(
    Guid Id,
    string Name,
    string Sport,
    Guid CityId,
    string CityName,
    int SeasonYear,
    SeasonTerm Term,
    DayOfWeek Night,
    string Level,
    LeagueStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    bool PublicVisible = true) : IVersioned;

/// <summary>Fields an admin sets on a league; the same body creates and updates.</summary>
/// <param name="Version">The version the edit starts from (as read, or as the ETag said); a stale one is refused (412). Omitted: the edit is unconditional.</param>
/// <param name="PublicVisible">Shown on the public site once out of Draft (the default); false keeps it off the public site. Omitted on an edit: unchanged.</param>
public sealed record LeagueFields(string Name, string Sport, Guid CityId, int SeasonYear, SeasonTerm Term, DayOfWeek Night, string Level, LeagueStatus Status, long? Version = null, bool? PublicVisible = null);

/// <param name="Current">True: only leagues still running (draft, registration, active); false: only finished ones (completed, archived).</param>
public sealed record ListLeagues(
    int Page = 1,
    int PageSize = 25,
    string? Sort = null,
    string? Q = null,
    Guid? CityId = null,
    string? Sport = null,
    int? SeasonYear = null,
    SeasonTerm? Term = null,
    LeagueStatus? Status = null,
    bool? Current = null) : IQuery<Shared.Paging.PagedResultDto<LeagueDto>>;

public sealed record GetLeague(Guid LeagueId) : IQuery<LeagueDto>;

public sealed record CreateLeague(LeagueFields Fields) : ICommand<LeagueDto>;

public sealed record UpdateLeague(Guid LeagueId, LeagueFields Fields) : ICommand<LeagueDto>;

/// <summary>Leagues are archived, never deleted: schedules, standings and history refer to them.</summary>
public sealed record ArchiveLeague(Guid LeagueId) : ICommand<LeagueDto>;

public enum LeagueChange
{
    Created,
    Updated,
    Renamed,
    Moved,
    Archived,

    /// <summary>Removed by the undo of the import that created it (it had no teams or games).</summary>
    Deleted,
}

/// <summary>A league was created or changed; the full state and a growing version, so replicas apply only newer ones.</summary>
public sealed record LeagueChanged(
    Guid EventId,
    Guid LeagueId,
    LeagueChange Change,
    string Name,
    string Sport,
    Guid CityId,
    int SeasonYear,
    SeasonTerm Term,
    LeagueStatus Status,
    long Version,
    bool PublicVisible = true) : IIntegrationEvent;

/// <summary>The facts other modules may ask of a league synchronously.</summary>
public sealed record LeagueFacts(Guid LeagueId, Guid CityId, string CityName, long CityVersion, string Name, string Sport, int SeasonYear, SeasonTerm Term, LeagueStatus Status, long Version);

public interface ILeagueDirectory
{
    Task<LeagueFacts?> FindAsync(Guid leagueId, CancellationToken cancellationToken);

    /// <summary>Every league's current facts, for a rebuild of another module's replica.</summary>
    Task<IReadOnlyList<LeagueFacts>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Every league with all its fields (night, level, public visibility), unscoped: for an import to compare against.</summary>
    Task<IReadOnlyList<LeagueDto>> DetailsAsync(CancellationToken cancellationToken);
}

public enum GameKind
{
    Regular,
    Playoff,
}

public enum GameStatus
{
    Scheduled,
    Final,
    Forfeit,
    Cancelled,
}
