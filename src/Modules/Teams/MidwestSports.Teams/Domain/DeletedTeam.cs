using System.Text.Json;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Domain;

/// <summary>
/// A deleted team as it was, with its roster, kept in <c>teams.deleted_teams</c> so that the delete can be undone.
/// An archive beside <c>teams.teams</c> rather than a soft-delete flag on it: every reader of <c>teams.teams</c> (the
/// listing and its rebuild, GET, the directory other modules ask, imports, the unique-name index) keeps meaning "the
/// teams there are" without one more filter to forget, and a deleted team's name is free for a new team at once.
/// The roster is one JSON value: it is only ever read back whole, by a restore.
/// </summary>
internal sealed class DeletedTeam : ICityOwned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DeletedTeam()
    {
    }

    public Guid TeamId { get; private set; }

    public Guid LeagueId { get; private set; }

    public Guid CityId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid? SponsorId { get; private set; }

    public string CaptainName { get; private set; } = string.Empty;

    public string? CaptainEmail { get; private set; }

    public string? CaptainPhone { get; private set; }

    public int RosterSize { get; private set; }

    public TeamStatus Status { get; private set; }

    /// <summary>The team's version when it was deleted; its deletion was published as the next one.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset DeletedAt { get; private set; }

    /// <summary>The roster as a JSON array of <see cref="ArchivedPlayer"/>.</summary>
    public string Players { get; private set; } = "[]";

    /// <summary>The fields the team had, with <paramref name="sponsorId"/> as its sponsor.</summary>
    public TeamFields Fields(Guid? sponsorId) => new(Name, LeagueId, sponsorId, CaptainName, CaptainEmail, CaptainPhone, RosterSize, Status);

    public IReadOnlyList<ArchivedPlayer> Roster() => JsonSerializer.Deserialize<List<ArchivedPlayer>>(Players, Json) ?? [];
}

/// <summary>A player of a deleted team's roster, as <see cref="Persistence.TeamArchive"/> writes it.</summary>
internal sealed record ArchivedPlayer(Guid Id, string Name, string? Email, string? Phone, bool IsCaptain, long Version, DateTimeOffset CreatedAt);
