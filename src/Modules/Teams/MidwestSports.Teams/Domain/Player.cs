using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Domain;

/// <summary>A player on one team's roster. Scoped through the team: every roster use case loads the team in scope first.</summary>
internal sealed class Player
{
    private Player()
    {
    }

    public Guid Id { get; private set; }

    public Guid TeamId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public bool IsCaptain { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Player Create(Team team, PlayerFields fields, DateTimeOffset now)
    {
        var player = new Player { Id = Guid.CreateVersion7(now), TeamId = team.Id, Version = 1, CreatedAt = now };
        player.Apply(fields);
        return player;
    }

    /// <summary>A player of a restored team, exactly as it was archived.</summary>
    public static Player Restore(PlayerDto archived) => new()
    {
        Id = archived.Id, TeamId = archived.TeamId, Name = archived.Name, Email = archived.Email, Phone = archived.Phone,
        IsCaptain = archived.IsCaptain, Version = archived.Version, CreatedAt = archived.CreatedAt.ToUniversalTime(),
    };

    public void Update(PlayerFields fields)
    {
        Apply(fields);
        Version++;
    }

    /// <summary>Another player became captain: this one no longer is.</summary>
    public void StepDownAsCaptain()
    {
        IsCaptain = false;
        Version++;
    }

    public PlayerDto ToDto(Guid cityId) => new(Id, TeamId, cityId, Name, Email, Phone, IsCaptain, Version, CreatedAt);

    private void Apply(PlayerFields fields)
    {
        Name = fields.Name.Trim();
        Email = TextRules.Clean(fields.Email);
        Phone = TextRules.Clean(fields.Phone);
        IsCaptain = fields.IsCaptain;
    }
}
