using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>
/// Compares the saved schedule's teams with the league's teams as the Teams module holds them now (not the replica,
/// which may lag behind its events): a team added after planning has no game and sits out every week, a team removed
/// still has unplayed games. Either way the season page asks for a replan.
/// </summary>
internal sealed class GetScheduleFitHandler(LeaguesDbContext db, CurrentScope current, ITeamDirectory teams, TimeProvider time)
    : IQueryHandler<GetScheduleFit, ScheduleFitDto>
{
    public async ValueTask<ScheduleFitDto> Handle(GetScheduleFit query, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == query.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", query.LeagueId);
        var games = await db.Games.AsNoTracking()
            .Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Regular)
            .Select(g => new { g.HomeTeamId, g.AwayTeamId, g.Date, g.Status })
            .ToListAsync(cancellationToken);
        var facts = await teams.TeamsOfLeagueAsync(league.Id, cancellationToken);
        var active = facts.Where(t => t.Status == TeamStatus.Active).ToList();
        var today = await LeagueLocks.TodayAsync(db, league.CityId, time, cancellationToken);
        var nextNight = today.AddDays(((int)league.Night - (int)today.DayOfWeek + 7) % 7);
        if (games.Count == 0)
        {
            return new ScheduleFitDto(false, [], [], ScheduleFormat.Single, nextNight, Math.Clamp(RoundsFor(active.Count, ScheduleFormat.Single), 1, 52));
        }

        var scheduled = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).ToHashSet();
        var activeIds = active.Select(t => t.TeamId).ToHashSet();
        var joined = active.Where(t => !scheduled.Contains(t.TeamId)).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var leftIds = games.Where(g => g.Status == GameStatus.Scheduled)
            .SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId })
            .Where(id => !activeIds.Contains(id))
            .ToHashSet();
        var names = await db.Teams.AsNoTracking().Where(t => leftIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, t => t.Name, cancellationToken);
        var left = leftIds.Select(id => facts.FirstOrDefault(f => f.TeamId == id)?.Name ?? names.GetValueOrDefault(id, "(a removed team)"))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();

        var twice = games.GroupBy(g => g.HomeTeamId.CompareTo(g.AwayTeamId) < 0 ? (g.HomeTeamId, g.AwayTeamId) : (g.AwayTeamId, g.HomeTeamId))
            .Any(pair => pair.Count() > 1);
        var format = twice ? ScheduleFormat.Double : ScheduleFormat.Single;
        var dates = games.Where(g => g.Date is not null).Select(g => g.Date!.Value).ToList();
        var start = dates.Count > 0 ? dates.Min() : nextNight;
        var span = dates.Count > 0 ? ((dates.Max().DayNumber - start.DayNumber) / 7) + 1 : 0;
        // New games are placed from today on: the weeks already gone count, then every round the current teams need.
        var gone = today > start ? ((today.DayNumber - start.DayNumber) / 7) + 1 : 0;
        var weeks = Math.Clamp(Math.Max(span, gone + RoundsFor(active.Count, format)), 1, 52);
        return new ScheduleFitDto(true, joined, left, format, start, weeks);
    }

    /// <summary>Rounds of a round robin: an odd count adds a bye to every round.</summary>
    private static int RoundsFor(int teamCount, ScheduleFormat format)
    {
        var rounds = teamCount < 2 ? 1 : teamCount % 2 == 0 ? teamCount - 1 : teamCount;
        return format == ScheduleFormat.Double ? rounds * 2 : rounds;
    }
}
