using Mediator;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Paging;

namespace MidwestSports.Sponsors.Contracts;

public sealed record SponsorDto(
    Guid Id,
    string Name,
    string? ContactName,
    string? Email,
    string? Phone,
    string? Website,
    IReadOnlyList<Guid> CityIds,
    bool Active,
    long Version,
    DateTimeOffset CreatedAt) : IVersioned;

/// <summary>What an admin sets on a sponsor; POST and PUT take the same body.</summary>
/// <param name="Version">The version the edit starts from (as read, or as the ETag said); a stale one is refused (412). Omitted: the edit is unconditional.</param>
public sealed record SponsorFields(string Name, string? ContactName, string? Email, string? Phone, string? Website, IReadOnlyList<Guid> CityIds, long? Version = null);

public sealed record ListSponsors(int Page = 1, int PageSize = 25, string? Sort = null, string? Q = null, Guid? CityId = null, bool? Active = null)
    : IQuery<PagedResultDto<SponsorDto>>;

public sealed record GetSponsor(Guid SponsorId) : IQuery<SponsorDto>;

public sealed record CreateSponsor(SponsorFields Fields) : ICommand<SponsorDto>;

public sealed record UpdateSponsor(Guid SponsorId, SponsorFields Fields) : ICommand<SponsorDto>;

/// <summary>A sponsor that stops sponsoring is deactivated, not deleted; its teams keep its name in their history.</summary>
public sealed record DeactivateSponsor(Guid SponsorId) : ICommand<SponsorDto>;

/// <summary>Undoes a deactivation: the sponsor can be assigned to teams again.</summary>
public sealed record ReactivateSponsor(Guid SponsorId) : ICommand<SponsorDto>;

public enum SponsorChange
{
    Created,
    Renamed,
    Deactivated,
    CitiesChanged,
    Updated,

    /// <summary>Removed by the undo of the import that created it (it sponsored no team); replicas treat it as inactive.</summary>
    Deleted,

    /// <summary>A deactivated sponsor made active again (the undo of a deactivation).</summary>
    Reactivated,
}

/// <summary>The sponsor's state after a change, with a version that only grows: replicas apply only newer ones.</summary>
public sealed record SponsorChanged(
    Guid EventId,
    Guid SponsorId,
    SponsorChange Change,
    string Name,
    bool Active,
    IReadOnlyList<Guid> CityIds,
    long Version) : IIntegrationEvent;

/// <summary>The facts other modules may ask of a sponsor synchronously.</summary>
public sealed record SponsorFacts(Guid SponsorId, string Name, bool Active, IReadOnlyList<Guid> CityIds, long Version);

public interface ISponsorDirectory
{
    Task<SponsorFacts?> FindAsync(Guid sponsorId, CancellationToken cancellationToken);

    /// <summary>Every sponsor's current facts, for a rebuild of another module's replica.</summary>
    Task<IReadOnlyList<SponsorFacts>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Every sponsor with all its fields (contacts and version), unscoped: for an import to compare against.</summary>
    Task<IReadOnlyList<SponsorDto>> DetailsAsync(CancellationToken cancellationToken);
}
