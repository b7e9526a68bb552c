using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

public sealed record CityDto(Guid Id, string Name, string State, string TimeZone, long Version) : IVersioned;

public sealed record ListCities : IQuery<IReadOnlyList<CityDto>>;

public sealed record GetCity(Guid CityId) : IQuery<CityDto>;

public sealed record CreateCity(string Name, string State, string TimeZone) : ICommand<CityDto>;

/// <param name="Version">The version the edit starts from (as read, or as the ETag said); a stale one is refused (412). Omitted: the edit is unconditional.</param>
public sealed record UpdateCity(Guid CityId, string Name, string State, string TimeZone, long? Version = null) : ICommand<CityDto>;

/// <summary>
/// A city was created or changed. <see cref="Version"/> grows with every change, so a replica applies an
/// event only when it is newer than what it holds: a late, older delivery changes nothing.
/// </summary>
public sealed record CityChanged(Guid EventId, Guid CityId, string Name, string State, string TimeZone, long Version) : IIntegrationEvent;

/// <summary>A synchronous question other modules may ask: which of these city ids exist.</summary>
public interface ICityDirectory
{
    Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> cityIds, CancellationToken cancellationToken);

    /// <summary>Every city, for a rebuild of another module's replica.</summary>
    Task<IReadOnlyList<CityDto>> AllAsync(CancellationToken cancellationToken);
}
