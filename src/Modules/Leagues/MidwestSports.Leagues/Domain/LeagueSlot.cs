using MidwestSports.Shared.Access;

namespace MidwestSports.Leagues.Domain;

/// <summary>A field of a venue at a start time that a league may use on each of its nights.</summary>
internal sealed class LeagueSlot : ICityOwned
{
    private LeagueSlot()
    {
    }

    public Guid Id { get; private set; }

    public Guid LeagueId { get; private set; }

    public Guid CityId { get; private set; }

    public Guid VenueId { get; private set; }

    public string Field { get; private set; } = string.Empty;

    public TimeOnly Start { get; private set; }

    public int DurationMinutes { get; private set; }

    public static LeagueSlot Create(Guid leagueId, Guid cityId, Guid venueId, string field, TimeOnly start, int durationMinutes) =>
        new() { Id = Guid.CreateVersion7(), LeagueId = leagueId, CityId = cityId, VenueId = venueId, Field = field.Trim(), Start = start, DurationMinutes = durationMinutes };
}

/// <summary>A date a league (holiday) or one of its teams cannot play.</summary>
internal sealed class Blackout : ICityOwned
{
    private Blackout()
    {
    }

    public Guid Id { get; private set; }

    public Guid LeagueId { get; private set; }

    public Guid CityId { get; private set; }

    /// <summary>Null for the whole league.</summary>
    public Guid? TeamId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public static Blackout Create(Guid leagueId, Guid cityId, Guid? teamId, DateOnly date, string reason) =>
        new() { Id = Guid.CreateVersion7(), LeagueId = leagueId, CityId = cityId, TeamId = teamId, Date = date, Reason = reason.Trim() };
}

/// <summary>The Leagues module's replica of a team (from the Teams module's <c>TeamChanged</c>): what a schedule shows and plans with.</summary>
internal sealed class LeagueTeam
{
    public Guid TeamId { get; set; }

    public Guid LeagueId { get; set; }

    public Guid CityId { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool Active { get; set; }

    public bool Deleted { get; set; }

    public long Version { get; set; }

    /// <summary>Stamped by the context on every save that changes it (<c>LeaguesDbContext</c>).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A recorded coin-flip draw: once drawn it never changes, so a standings tie that falls to it is explained the same way every time.</summary>
internal sealed class CoinFlip : ICityOwned
{
    public Guid LeagueId { get; set; }

    public Guid TeamId { get; set; }

    public Guid CityId { get; set; }

    public int Draw { get; set; }

    public DateTimeOffset DrawnAt { get; set; }
}
