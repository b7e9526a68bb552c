using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Leagues.Domain;

internal sealed class City : IAuditedCity
{
    private City()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Two-letter US state code, e.g. "WI".</summary>
    public string State { get; private set; } = string.Empty;

    /// <summary>IANA time zone, e.g. "America/Chicago": game times are shown in it.</summary>
    public string TimeZone { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Stamped by the context on every save that changes it (<c>LeaguesDbContext</c>).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    Guid IAuditedCity.AuditCityId => Id;

    public static City Create(string name, string state, string timeZone, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name.Trim(),
        State = state.Trim().ToUpperInvariant(),
        TimeZone = timeZone.Trim(),
        Version = 1,
        CreatedAt = now,
    };

    public void Update(string name, string state, string timeZone)
    {
        Name = name.Trim();
        State = state.Trim().ToUpperInvariant();
        TimeZone = timeZone.Trim();
        Version++;
    }

    public CityDto ToDto() => new(Id, Name, State, TimeZone, Version);

    public CityChanged ToChanged() => new(Guid.CreateVersion7(), Id, Name, State, TimeZone, Version);
}
