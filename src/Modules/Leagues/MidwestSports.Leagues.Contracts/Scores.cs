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

/// <summary>The caller's week at a glance for the home page: games tonight and this week, games past their night without a score, and leagues about to play without a schedule.</summary>
public sealed record GetWeekAtAGlance : IQuery<WeekAtAGlanceDto>;

/// <summary>A league named on the home page.</summary>
public sealed record LeagueMentionDto(Guid Id, string Name, string CityName, SeasonTerm Term, int SeasonYear);

/// <param name="Today">The date the figures are for (the first of the caller's cities' own date).</param>
/// <param name="Unscored">Games whose night has passed that are still scheduled (no result, not cancelled).</param>
/// <param name="OldestUnscored">The night of the oldest of them, where the score sheet opens.</param>
/// <param name="WithoutSchedule">Leagues in registration or active with at least two teams and no game yet.</param>
public sealed record WeekAtAGlanceDto(
    DateOnly Today,
    int TonightGames,
    int WeekGames,
    int Unscored,
    DateOnly? OldestUnscored,
    IReadOnlyList<LeagueMentionDto> WithoutSchedule);
