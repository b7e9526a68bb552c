using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Teams.Contracts;

/// <summary>
/// One player on a team's roster. Email and phone are personal data: they appear only in the admin API and UI of the
/// team's city, never in a public shape.
/// </summary>
public sealed record PlayerDto(
    Guid Id,
    Guid TeamId,
    Guid CityId,
    string Name,
    string? Email,
    string? Phone,
    bool IsCaptain,
    long Version,
    DateTimeOffset CreatedAt) : IVersioned;

/// <summary>What an admin sets on a player; POST and PUT take the same body. At most one player of a team is its captain.</summary>
public sealed record PlayerFields(string Name, string? Email, string? Phone, bool IsCaptain = false, long? Version = null);

/// <summary>The team's roster: the captain first, then by name.</summary>
public sealed record ListPlayers(Guid TeamId) : IQuery<IReadOnlyList<PlayerDto>>;

public sealed record AddPlayer(Guid TeamId, PlayerFields Fields) : ICommand<PlayerDto>;

public sealed record UpdatePlayer(Guid TeamId, Guid PlayerId, PlayerFields Fields) : ICommand<PlayerDto>;

public sealed record RemovePlayer(Guid TeamId, Guid PlayerId) : ICommand<Unit>;
