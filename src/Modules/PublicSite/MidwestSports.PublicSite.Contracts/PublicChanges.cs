using Mediator;

namespace MidwestSports.PublicSite.Contracts;

/// <summary>
/// One change the public site may want to refresh: <see cref="Kind"/> is city, league, game, standings, bracket, team,
/// venue, sponsor or trivia-standings; <see cref="Change"/> is created, updated, deleted or unpublished.
/// </summary>
public sealed record PublicChange(string Kind, Guid Id, Guid? LeagueId, string Change, DateTimeOffset At);

/// <param name="Next">The token to ask with next time (the same one when nothing changed).</param>
/// <param name="More">More changes wait: ask again at once with <paramref name="Next"/>.</param>
public sealed record PublicChangesPage(IReadOnlyList<PublicChange> Changes, string Next, bool More, DateTimeOffset UpdatedAt);

/// <summary>
/// Changes after the position <paramref name="Since"/> (0: from the oldest kept), oldest first, at most <paramref name="Limit"/>;
/// null when <paramref name="Since"/> is older than what the feed keeps (the site must reload and start over).
/// </summary>
public sealed record ListPublicChanges(long Since, int Limit = 500) : IQuery<PublicChangesPage?>;
