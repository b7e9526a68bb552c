using Mediator;

namespace MidwestSports.Leagues.Contracts;

/// <summary>
/// One night's games for score entry at the field, across the caller's cities or narrowed to a city or a league.
/// Without a date: the latest night with games up to today, else the first one to come.
/// </summary>
public sealed record GetScoreSheet(DateOnly? Date = null, Guid? CityId = null, Guid? LeagueId = null) : IQuery<ScoreSheetDto>;

/// <summary>A game of the sheet with the names a city-wide sheet shows beside it.</summary>
public sealed record ScoreSheetGameDto(GameDto Game, string LeagueName, string CityName);

/// <param name="Date">The night shown (null when no game is dated in the scope).</param>
/// <param name="PreviousNight">The night with games before it, for stepping back; null when none.</param>
/// <param name="NextNight">The night with games after it; null when none.</param>
/// <param name="NeedingScore">Games of the night still scheduled: neither a result nor cancelled.</param>
public sealed record ScoreSheetDto(DateOnly? Date, DateOnly? PreviousNight, DateOnly? NextNight, int NeedingScore, IReadOnlyList<ScoreSheetGameDto> Games);
