using System.Text.Json;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Domain;

/// <summary>
/// A deleted team as it was, with its roster, kept in <c>teams.deleted_teams</c> so that the delete can be undone.
/// An archive beside <c>teams.teams</c> rather than a soft-delete flag on it: every reader of <c>teams.teams</c> (the
/// listing and its rebuild, GET, the directory other modules ask, imports, the unique-name index) keeps meaning "the
/// teams there are" without one more filter to forget, and a deleted team's name is free for a new team at once.
/// The team and its roster are kept as their DTOs in JSON: they are only ever read back whole, by a restore, and a
/// new team field needs no archive column.
/// </summary>
internal sealed class DeletedTeam : ICityOwned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DeletedTeam()
    {
    }

    public Guid TeamId { get; private set; }

    /// <summary>The team's city: a restore is scoped like any team write.</summary>
    public Guid CityId { get; private set; }

    public DateTimeOffset DeletedAt { get; private set; }

    /// <summary>The team as a <see cref="TeamDto"/> in JSON, its version the one it had when deleted.</summary>
    public string Team { get; private set; } = "{}";

    /// <summary>The roster as a JSON array of <see cref="PlayerDto"/>.</summary>
    public string Players { get; private set; } = "[]";

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public TeamDto Snapshot() => JsonSerializer.Deserialize<TeamDto>(Team, Json)!;

    public IReadOnlyList<PlayerDto> Roster() => JsonSerializer.Deserialize<List<PlayerDto>>(Players, Json) ?? [];
}
