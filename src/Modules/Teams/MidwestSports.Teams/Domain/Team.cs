using MidwestSports.Shared.Access;
using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Domain;

/// <summary>A team in one league (and so one city), optionally sponsored by a local business.</summary>
internal sealed class Team : ICityOwned
{
    private Team()
    {
    }

    public Guid Id { get; private set; }

    public Guid LeagueId { get; private set; }

    /// <summary>The league's city, kept here so every query and command can be scoped without asking Leagues.</summary>
    public Guid CityId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public Guid? SponsorId { get; private set; }

    public string CaptainName { get; private set; } = string.Empty;

    public string? CaptainEmail { get; private set; }

    public string? CaptainPhone { get; private set; }

    public int RosterSize { get; private set; }

    public TeamStatus Status { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Team Create(TeamFields fields, Guid cityId, DateTimeOffset now)
    {
        var team = new Team { Id = Guid.CreateVersion7(now), Version = 1, CreatedAt = now };
        team.Apply(fields, cityId);
        return team;
    }

    /// <summary>
    /// The team back from the archive: its id and creation time, and a version past the one its deletion was published
    /// with, so that replicas which applied the deletion take the restored team.
    /// </summary>
    public static Team Restore(TeamDto archived, TeamFields fields)
    {
        var team = new Team { Id = archived.Id, Version = archived.Version + 2, CreatedAt = archived.CreatedAt.ToUniversalTime() };
        team.Apply(fields, archived.CityId);
        return team;
    }

    public void Update(TeamFields fields, Guid cityId)
    {
        Apply(fields, cityId);
        Version++;
    }

    public void SetSponsor(Guid? sponsorId)
    {
        SponsorId = sponsorId;
        Version++;
    }

    /// <summary>The event other modules' replicas receive; a deletion carries the next version so it outranks the last change.</summary>
    public TeamChanged ToChanged(bool deleted = false) =>
        new(Guid.CreateVersion7(), Id, LeagueId, CityId, Name, Status, deleted, deleted ? Version + 1 : Version);

    public TeamDto ToDto() => new(Id, Name, LeagueId, CityId, SponsorId, CaptainName, CaptainEmail, CaptainPhone, RosterSize, Status, Version, CreatedAt);

    private void Apply(TeamFields fields, Guid cityId)
    {
        Name = fields.Name.Trim();
        LeagueId = fields.LeagueId;
        CityId = cityId;
        SponsorId = fields.SponsorId;
        CaptainName = fields.CaptainName.Trim();
        CaptainEmail = TextRules.Clean(fields.CaptainEmail);
        CaptainPhone = TextRules.Clean(fields.CaptainPhone);
        RosterSize = fields.RosterSize;
        Status = fields.Status;
    }
}
