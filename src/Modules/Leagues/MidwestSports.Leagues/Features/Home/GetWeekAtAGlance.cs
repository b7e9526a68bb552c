using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Leagues.Features.Home;

/// <summary>What a league admin needs first on a game week, in their cities: tonight, the week, scores owed, schedules missing.</summary>
internal sealed class GetWeekAtAGlanceHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : IQueryHandler<GetWeekAtAGlance, WeekAtAGlanceDto>
{
    public async ValueTask<WeekAtAGlanceDto> Handle(GetWeekAtAGlance query, CancellationToken cancellationToken)
    {
        var leagues = db.Leagues.AsNoTracking().InScope(current.Scope);
        var firstCity = await leagues.Select(l => (Guid?)l.CityId).FirstOrDefaultAsync(cancellationToken);
        var today = firstCity is { } city
            ? await LeagueLocks.TodayAsync(db, city, time, cancellationToken)
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var weekEnd = today.AddDays(6);
        var games = db.Games.AsNoTracking().InScope(current.Scope);
        var tonight = await games.CountAsync(g => g.Date == today && g.Status != GameStatus.Cancelled, cancellationToken);
        var week = await games.CountAsync(g => g.Date >= today && g.Date <= weekEnd && g.Status != GameStatus.Cancelled, cancellationToken);
        var owed = games.Where(g => g.Date < today && g.Status == GameStatus.Scheduled);
        var unscored = await owed.CountAsync(cancellationToken);
        var oldest = await owed.MinAsync(g => g.Date, cancellationToken);
        var scheduled = db.Games.Select(g => g.LeagueId);
        var candidates = await leagues
            .Where(l => (l.Status == LeagueStatus.Registration || l.Status == LeagueStatus.Active) && !scheduled.Contains(l.Id))
            .Select(l => new { l.Id, l.Name, l.CityId, l.Term, l.SeasonYear })
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToArray();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.LeagueId) && t.Active && !t.Deleted)
            .GroupBy(t => t.LeagueId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var cityIds = candidates.Select(c => c.CityId).Distinct().ToArray();
        var cities = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var withoutSchedule = candidates
            .Where(c => teams.GetValueOrDefault(c.Id) >= 2)
            .Select(c => new LeagueMentionDto(c.Id, c.Name, cities.GetValueOrDefault(c.CityId, string.Empty), c.Term, c.SeasonYear))
            .OrderBy(l => l.CityName, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal)
            .Take(20)
            .ToList();
        return new WeekAtAGlanceDto(today, tonight, week, unscored, oldest, withoutSchedule);
    }
}
