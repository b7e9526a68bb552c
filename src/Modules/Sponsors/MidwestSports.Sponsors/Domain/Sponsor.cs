using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Sponsors.Domain;

/// <summary>A local business that sponsors teams in the cities it operates in.</summary>
internal sealed class Sponsor : IAuditedCity
{
    private Sponsor()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? ContactName { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public bool Active { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public List<SponsorCity> Cities { get; private set; } = [];

    public IReadOnlyList<Guid> CityIds => [.. Cities.Select(c => c.CityId).Order()];

    /// <summary>A sponsor spans cities; its own audit entries file under its first city, each city grant under that city.</summary>
    Guid IAuditedCity.AuditCityId => Cities.Select(c => c.CityId).Order().FirstOrDefault();

    public static Sponsor Create(SponsorFields fields, DateTimeOffset now)
    {
        var sponsor = new Sponsor { Id = Guid.CreateVersion7(now), Active = true, Version = 1, CreatedAt = now };
        sponsor.Apply(fields);
        return sponsor;
    }

    public SponsorChange Update(SponsorFields fields)
    {
        var renamed = !string.Equals(fields.Name.Trim(), Name, StringComparison.Ordinal);
        var citiesChanged = !fields.CityIds.ToHashSet().SetEquals(Cities.Select(c => c.CityId));
        Apply(fields);
        Version++;
        return renamed ? SponsorChange.Renamed : citiesChanged ? SponsorChange.CitiesChanged : SponsorChange.Updated;
    }

    public void Deactivate()
    {
        Active = false;
        Version++;
    }

    public void Reactivate()
    {
        Active = true;
        Version++;
    }

    public SponsorDto ToDto() => new(Id, Name, ContactName, Email, Phone, Website, CityIds, Active, Version, CreatedAt);

    public SponsorChanged ToChanged(SponsorChange change) => new(Guid.CreateVersion7(), Id, change, Name, Active, CityIds, Version);

    /// <summary>The last message of a deleted sponsor: inactive, one version newer, so every replica applies it.</summary>
    public SponsorChanged ToDeleted() => new(Guid.CreateVersion7(), Id, SponsorChange.Deleted, Name, Active: false, CityIds, Version + 1);

    private void Apply(SponsorFields fields)
    {
        Name = fields.Name.Trim();
        ContactName = TextRules.Clean(fields.ContactName);
        Email = TextRules.Clean(fields.Email);
        Phone = TextRules.Clean(fields.Phone);
        Website = TextRules.Clean(fields.Website);
        var wanted = fields.CityIds.ToHashSet();
        Cities.RemoveAll(c => !wanted.Contains(c.CityId));
        foreach (var cityId in wanted.Where(id => Cities.All(c => c.CityId != id)))
        {
            Cities.Add(new SponsorCity { SponsorId = Id, CityId = cityId });
        }
    }
}

internal sealed class SponsorCity : ICityOwned
{
    public Guid SponsorId { get; set; }

    public Guid CityId { get; set; }
}
