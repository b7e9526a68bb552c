namespace MidwestSports.Teams.Listing;

/// <summary>A row of teams.team_listing. Written with SQL (set-based); mapped here for migrations and reads.</summary>
internal sealed class TeamListingRow
{
    public Guid TeamId { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid LeagueId { get; set; }

    public string LeagueName { get; set; } = string.Empty;

    public Guid CityId { get; set; }

    public string CityName { get; set; } = string.Empty;

    public string Sport { get; set; } = string.Empty;

    public string Season { get; set; } = string.Empty;

    /// <summary>year * 10 + term: seasons sort in time, not alphabetically.</summary>
    public int SeasonSort { get; set; }

    public Guid? SponsorId { get; set; }

    public string? SponsorName { get; set; }

    public string CaptainName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The team's status as its enum name (Active, Withdrawn): a filter, not a sort.</summary>
    public string Status { get; set; } = nameof(Contracts.TeamStatus.Active);

    public long LeagueVersion { get; set; }

    public long CityVersion { get; set; }

    public long SponsorVersion { get; set; }

    public string NameKey { get; private set; } = string.Empty;

    public string LeagueKey { get; private set; } = string.Empty;

    public string CityKey { get; private set; } = string.Empty;

    public string SportKey { get; private set; } = string.Empty;

    public string? SponsorKey { get; private set; }

    public string CaptainKey { get; private set; } = string.Empty;

    /// <summary>
    /// The quick search's per-team text: the team's and the captain's names. The sponsor's, league's, sport's and city's
    /// names are matched on the replicas' few hundred rows instead (<see cref="ReplicaMatches.QuickAsync"/>), so this
    /// column and its trigram index stay a third of the size they would be with every name in them.
    /// </summary>
    public string Search { get; private set; } = string.Empty;
}

/// <summary>Teams' replica of a sponsor's name, fed by <c>SponsorChanged</c>.</summary>
internal sealed class SponsorName
{
    public Guid SponsorId { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool Active { get; set; }

    public long Version { get; set; }

    /// <summary>The version whose name the listing rows' sponsor keys carry; behind <see cref="Version"/> while a rename is re-keyed.</summary>
    public long ListedVersion { get; set; }
}
