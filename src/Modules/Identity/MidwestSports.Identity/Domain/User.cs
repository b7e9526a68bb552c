using Microsoft.AspNetCore.Identity;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Identity.Domain;

/// <summary>A person who administers leagues: one role, a set of cities, and ASP.NET Core Identity's credentials.</summary>
internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public PlatformRole Role { get; set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserCity> Cities { get; set; } = [];

    public void SetCities(IEnumerable<Guid> cityIds)
    {
        var wanted = cityIds.ToHashSet();
        Cities.RemoveAll(c => !wanted.Contains(c.CityId));
        foreach (var cityId in wanted.Where(id => Cities.All(c => c.CityId != id)))
        {
            Cities.Add(new UserCity { UserId = Id, CityId = cityId });
        }
    }

    public UserDto ToDto() => new(
        Id,
        Email ?? string.Empty,
        DisplayName,
        Role,
        [.. Cities.Select(c => c.CityId).Order()],
        Disabled,
        LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null);
}

/// <summary>A city grant. A system admin holds all cities without grants.</summary>
internal sealed class UserCity
{
    public Guid UserId { get; set; }

    public Guid CityId { get; set; }
}
