using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

// What the public site may show of leagues, schedules, results, standings and brackets. These shapes hold no
// personal field (no captain, no contact), so nothing personal can leak through them; every query answers only
// for a published league (out of Draft, not Archived, publicVisible on) and null for anything else. They are not
// scoped to a user's cities: they are public by definition, and the public surface calls them anonymously.

/// <summary>A city as the public site shows it; <see cref="Slug"/> is its name in URLs ("st-louis").</summary>
public sealed record PublicCity(Guid Id, string Slug, string Name, string State, string TimeZone, DateTimeOffset UpdatedAt);

public sealed record PublicCityRef(Guid Id, string Slug, string Name);

public sealed record PublicTeamRef(Guid Id, string Name);

public sealed record PublicVenueRef(Guid Id, string Name);

public sealed record PublicVenue(Guid Id, string Name, string Address, IReadOnlyList<string> Fields);

/// <param name="Season">"Fall 2026".</param>
public sealed record PublicLeagueSummary(
    Guid Id,
    string Name,
    string Sport,
    string Season,
    int SeasonYear,
    SeasonTerm Term,
    DayOfWeek Night,
    string Level,
    LeagueStatus Status,
    DateTimeOffset UpdatedAt);

public sealed record PublicCityLeagues(PublicCity City, IReadOnlyList<PublicLeagueSummary> Leagues, DateTimeOffset UpdatedAt);

public sealed record PublicLeague(
    Guid Id,
    string Name,
    string Sport,
    string Season,
    int SeasonYear,
    SeasonTerm Term,
    DayOfWeek Night,
    string Level,
    LeagueStatus Status,
    PublicCityRef City,
    string TimeZone,
    IReadOnlyList<PublicVenue> Venues,
    IReadOnlyList<PublicTeamRef> Teams,
    DateTimeOffset UpdatedAt);

/// <summary>One game. <see cref="Start"/> and <see cref="End"/> are the city's local time with its UTC offset on that date.</summary>
/// <param name="Week">The regular season's week (round); null for a playoff game.</param>
/// <param name="ForfeitedBy">The team that forfeited, for a forfeit.</param>
public sealed record PublicGame(
    Guid Id,
    Guid LeagueId,
    GameKind Kind,
    int? Week,
    string? BracketCode,
    DateOnly? Date,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    PublicVenueRef? Venue,
    string? Field,
    PublicTeamRef Home,
    PublicTeamRef Away,
    int? HomeScore,
    int? AwayScore,
    GameStatus Status,
    Guid? ForfeitedBy,
    DateTimeOffset UpdatedAt);

public sealed record PublicGames(Guid LeagueId, string TimeZone, DateOnly? From, DateOnly? To, Guid? TeamId, IReadOnlyList<PublicGame> Games, DateTimeOffset UpdatedAt);

public sealed record PublicStandingsRow(
    int Position,
    PublicTeamRef Team,
    int Played,
    int Won,
    int Lost,
    int Tied,
    int Forfeits,
    decimal WinPercentage,
    int PointsFor,
    int PointsAgainst,
    int Differential,
    string? AboveNextBecause);

/// <param name="RuleSet">The tie-breaker rule set's name ("standard").</param>
/// <param name="RuleSetTitle">Its title as people read it.</param>
public sealed record PublicStandings(Guid LeagueId, string LeagueName, string RuleSet, string RuleSetTitle, IReadOnlyList<PublicStandingsRow> Rows, DateTimeOffset UpdatedAt);

/// <summary>A league's playoff bracket; <see cref="Format"/> is null and <see cref="Matches"/> empty while it has none.</summary>
public sealed record PublicBracket(Guid LeagueId, string LeagueName, PlayoffFormat? Format, IReadOnlyList<BracketMatchDto> Matches, PublicTeamRef? Champion, DateTimeOffset UpdatedAt);

public sealed record PublicLeagueRef(Guid Id, string Name, string Sport, string Season, PublicCityRef City);

/// <summary>A team's public page: its league, its games and its record (no captain, no contact).</summary>
public sealed record PublicTeamSchedule(
    Guid Id,
    string Name,
    bool Active,
    PublicLeagueRef League,
    string TimeZone,
    int Won,
    int Lost,
    int Tied,
    IReadOnlyList<PublicGame> Games,
    DateTimeOffset UpdatedAt);

public enum PublicLookup
{
    Found,
    NotFound,

    /// <summary>It existed and was deleted: a public page answers 410 Gone.</summary>
    Gone,
}

public sealed record PublicTeamResult(PublicLookup Lookup, PublicTeamSchedule? Team);

/// <summary>A venue's public games (every published league playing there), for its calendar feed and page.</summary>
public sealed record PublicVenueSchedule(PublicVenue Venue, PublicCityRef City, string TimeZone, IReadOnlyList<PublicGame> Games, DateTimeOffset UpdatedAt);

public sealed record ListPublicCities : IQuery<IReadOnlyList<PublicCity>>;

/// <summary>A city's published leagues, optionally of one season (year, and term when given) and one sport; null when no city has that slug.</summary>
public sealed record ListPublicLeagues(string CitySlug, int? SeasonYear = null, SeasonTerm? Term = null, string? Sport = null) : IQuery<PublicCityLeagues?>;

public sealed record GetPublicLeague(Guid LeagueId) : IQuery<PublicLeague?>;

/// <summary>A published league's games between two dates (inclusive), optionally of one of its teams.</summary>
public sealed record ListPublicGames(Guid LeagueId, DateOnly? From = null, DateOnly? To = null, Guid? TeamId = null) : IQuery<PublicGames?>;

public sealed record GetPublicStandings(Guid LeagueId) : IQuery<PublicStandings?>;

public sealed record GetPublicBracket(Guid LeagueId) : IQuery<PublicBracket?>;

public sealed record GetPublicTeamSchedule(Guid TeamId) : IQuery<PublicTeamResult>;

public sealed record GetPublicVenueSchedule(Guid VenueId) : IQuery<PublicVenueSchedule?>;

/// <summary>Whether a league is published, for the other modules' public answers (trivia standings).</summary>
public sealed record IsLeaguePublic(Guid LeagueId) : IQuery<bool>;

/// <summary>Which of the given leagues are published: <see cref="IsLeaguePublic"/> for many leagues in one query.</summary>
public sealed record PublicLeaguesAmong(IReadOnlyCollection<Guid> LeagueIds) : IQuery<IReadOnlySet<Guid>>;

public enum ContentChange
{
    Created,
    Updated,
    Deleted,
}

public sealed record ChangedItem(Guid Id, ContentChange Change);

/// <summary>
/// What a save changed under one league: games (a schedule saved, a result entered, a game moved or cancelled),
/// and whether its set-up (slots, rules, teams' names, blackouts) or bracket changed. Raised for every save, by
/// whatever use case made it, so caches of the public site (and anything else) hear of every change.
/// </summary>
public sealed record LeagueContentChanged(
    Guid EventId,
    Guid LeagueId,
    Guid CityId,
    IReadOnlyList<ChangedItem> Games,
    bool SetupChanged,
    bool BracketChanged,
    DateTimeOffset At) : IIntegrationEvent;

/// <summary>A venue was created, changed or deleted.</summary>
public sealed record VenueChanged(Guid EventId, Guid VenueId, Guid CityId, ContentChange Change, DateTimeOffset At) : IIntegrationEvent;
