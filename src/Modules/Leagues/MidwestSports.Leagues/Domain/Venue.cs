using MidwestSports.Shared.Access;

namespace MidwestSports.Leagues.Domain;

/// <summary>A park, gym or bowling alley in a city, with the fields (courts, lanes) games are played on.</summary>
internal sealed class Venue : ICityOwned
{
    private Venue()
    {
    }

    public Guid Id { get; private set; }

    public Guid CityId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Address { get; private set; } = string.Empty;

    /// <summary>The names of its fields, courts or lanes, in the order admins list them ("Field 1", "Diamond B").</summary>
    public List<string> Fields { get; private set; } = [];

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Stamped by the context on every save that changes it (<c>LeaguesDbContext</c>).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Venue Create(Guid cityId, string name, string address, IEnumerable<string> fields, DateTimeOffset now)
    {
        var venue = new Venue { Id = Guid.CreateVersion7(now), CreatedAt = now, Version = 1 };
        venue.Apply(cityId, name, address, fields);
        return venue;
    }

    public void Update(Guid cityId, string name, string address, IEnumerable<string> fields)
    {
        Apply(cityId, name, address, fields);
        Version++;
    }

    private void Apply(Guid cityId, string name, string address, IEnumerable<string> fields)
    {
        CityId = cityId;
        Name = name.Trim();
        Address = address.Trim();
        Fields = fields.Select(f => f.Trim()).ToList();
    }
}
