using System.Text.Json.Serialization;
using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Teams.Contracts;

/// <summary>Written by name on the wire wherever it is serialized (the API, events), and read by name or number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamStatus>))]
public enum TeamStatus
{
    Active,
    Withdrawn,
}

public sealed record TeamDto(
    Guid Id,
    string Name,
    Guid LeagueId,
    Guid CityId,
    Guid? SponsorId,
    string CaptainName,
    string? CaptainEmail,
    string? CaptainPhone,
    int RosterSize,
    TeamStatus Status,
    long Version,
    DateTimeOffset CreatedAt) : IVersioned;

/// <summary>What an admin sets on a team; POST and PUT take the same body.</summary>
public sealed record TeamFields(
    string Name,
    Guid LeagueId,
    Guid? SponsorId,
    string CaptainName,
    string? CaptainEmail,
    string? CaptainPhone,
    int RosterSize,
    TeamStatus Status,
    long? Version = null);

public sealed record GetTeam(Guid TeamId) : IQuery<TeamDto>;

public sealed record CreateTeam(TeamFields Fields) : ICommand<TeamDto>;

public sealed record UpdateTeam(Guid TeamId, TeamFields Fields) : ICommand<TeamDto>;

public sealed record DeleteTeam(Guid TeamId) : ICommand<Unit>;

/// <summary>
/// Brings a deleted team back (the admin's undo): same id, fields and roster, a new version. A sponsor that can no
/// longer sponsor it (gone, inactive, no longer in its city) is left off rather than blocking the restore.
/// </summary>
public sealed record RestoreTeam(Guid TeamId) : ICommand<TeamDto>;

/// <summary>Assigns (a sponsor id) or unassigns (null) the team's sponsor.</summary>
public sealed record SetTeamSponsor(Guid TeamId, Guid? SponsorId) : ICommand<TeamDto>;

/// <summary>One row of the team listing: the team with its league's, city's and sponsor's names.</summary>
public sealed record TeamListingItem(
    Guid Id,
    string Name,
    Guid LeagueId,
    string LeagueName,
    Guid CityId,
    string CityName,
    string Sport,
    string Season,
    Guid? SponsorId,
    string? SponsorName,
    string CaptainName,
    DateTimeOffset CreatedAt,
    TeamStatus Status);

public sealed record TeamListingPage(
    IReadOnlyList<TeamListingItem> Items,
    int Page,
    int PageSize,
    long TotalCount,
    bool TotalIsEstimate,
    string? NextCursor);

/// <summary>The listing query; every text filter is a case-insensitive "contains".</summary>
/// <param name="Q">Quick search: the team's or captain's name, or the name of its sponsor, league, sport or city, contains it.</param>
/// <param name="Season">Exact: a term and a year as the listing shows them, such as "Fall 2026" (case ignored).</param>
/// <param name="Status">Exact: active or withdrawn teams only.</param>
public sealed record ListTeams(
    string? Sort = null,
    int Page = 1,
    int PageSize = 25,
    string? Cursor = null,
    string? Q = null,
    string? Name = null,
    string? SponsorName = null,
    string? LeagueName = null,
    string? CaptainName = null,
    Guid? LeagueId = null,
    Guid? CityId = null,
    Guid? SponsorId = null,
    bool? HasSponsor = null,
    bool WithTotal = true,
    string? Season = null,
    TeamStatus? Status = null) : IQuery<TeamListingPage>;

/// <summary>
/// Recomputes the listing from Teams' own data and the other modules' Contracts, and reports the drift it repaired.
/// A small drift (at most a tenth of the rows) is repaired in place; a larger one, or <paramref name="Swap"/>, builds a
/// shadow table with every row and index and swaps it in. Readers are never blocked either way.
/// </summary>
public sealed record RebuildTeamListing(bool Swap = false) : ICommand<ListingRebuildReport>;

/// <param name="Swapped">True when a shadow table was swapped in, false when the drift was repaired in place.</param>
public sealed record ListingRebuildReport(long Rows, long Added, long Changed, long Removed, TimeSpan Elapsed, bool Swapped);

/// <summary>
/// Bulk-creates <see cref="Count"/> teams with plausible names and captains over the existing leagues, about 70%
/// sponsored by a sponsor of their city, then rebuilds the listing. For demo data and scale tests; system scope only.
/// </summary>
public sealed record SeedTeams(int Count, int RandomSeed = 7) : ICommand<ListingRebuildReport>;

/// <summary>
/// A team was created, changed or deleted: its full state and a growing version, so replicas (the Leagues module's
/// schedules) apply only newer ones. A deleted team arrives with <see cref="Deleted"/> set.
/// </summary>
public sealed record TeamChanged(
    Guid EventId,
    Guid TeamId,
    Guid LeagueId,
    Guid CityId,
    string Name,
    TeamStatus Status,
    bool Deleted,
    long Version) : IIntegrationEvent;

/// <summary>
/// Many teams changed at once (one batch of an import, up to a thousand): each team's <see cref="TeamChanged"/> in one
/// message, so that subscribers apply them set-wise rather than a transaction per team. Whoever subscribes to
/// <see cref="TeamChanged"/> subscribes to this too, and applies each item exactly as it would apply a TeamChanged.
/// </summary>
public sealed record TeamsChanged(Guid EventId, IReadOnlyList<TeamChanged> Teams) : IIntegrationEvent;

/// <summary>The facts other modules may ask of a team synchronously.</summary>
public sealed record TeamFacts(Guid TeamId, Guid LeagueId, Guid CityId, string Name, TeamStatus Status, long Version);

public interface ITeamDirectory
{
    /// <summary>Every team of the league (active and withdrawn), ordered by id.</summary>
    Task<IReadOnlyList<TeamFacts>> TeamsOfLeagueAsync(Guid leagueId, CancellationToken cancellationToken);

    /// <summary>Every team of the league with all its fields (captain contacts included), ordered by id: for an import to compare against.</summary>
    Task<IReadOnlyList<TeamDto>> DetailsOfLeagueAsync(Guid leagueId, CancellationToken cancellationToken);

    /// <summary>Every team, for a rebuild of another module's replica.</summary>
    Task<IReadOnlyList<TeamFacts>> AllAsync(CancellationToken cancellationToken);
}

/// <summary>A team named on the home page: its id (for its page), name and league (with its name, as team names repeat across leagues).</summary>
public sealed record TeamMentionDto(Guid Id, string Name, Guid LeagueId, string? LeagueName = null);

/// <summary>
/// Active teams of the caller's cities that lack something an admin chases before the first game: a sponsor, or any
/// way to reach the captain (no email and no phone). Each with its count and the first <see cref="ListTeamsMissingDetails.Sample"/> teams by name.
/// </summary>
public sealed record TeamsMissingDetailsDto(
    int WithoutSponsor,
    IReadOnlyList<TeamMentionDto> WithoutSponsorSample,
    int WithoutCaptainContact,
    IReadOnlyList<TeamMentionDto> WithoutCaptainContactSample);

public sealed record ListTeamsMissingDetails(int Sample = 5) : IQuery<TeamsMissingDetailsDto>;
