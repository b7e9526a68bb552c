using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>
/// A team of a published league: its games and its record. A deleted team is Gone (its games stay in the schedule
/// under its name); a team of an unpublished league, or an unknown one, is NotFound.
/// </summary>
internal sealed class GetPublicTeamScheduleHandler(LeaguesDbContext db) : IQueryHandler<GetPublicTeamSchedule, PublicTeamResult>
{
    public async ValueTask<PublicTeamResult> Handle(GetPublicTeamSchedule query, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.TeamId == query.TeamId, cancellationToken);
        if (team is null || await PublicLeagues.FindAsync(db, team.LeagueId, cancellationToken) is not { } found)
        {
            return new PublicTeamResult(PublicLookup.NotFound, null);
        }

        if (team.Deleted)
        {
            return new PublicTeamResult(PublicLookup.Gone, null);
        }

        var games = await db.Games.AsNoTracking().Where(g => g.LeagueId == team.LeagueId && (g.HomeTeamId == team.TeamId || g.AwayTeamId == team.TeamId)).ToListAsync(cancellationToken);
        var shown = await PublicGameRows.ToPublicAsync(db, games, _ => found.Zone, cancellationToken);
        var regular = games.Where(g => g.Kind == GameKind.Regular && g.HasResult).ToList();
        var won = regular.Count(g => g.Winner == team.TeamId);
        var tied = regular.Count(g => g.Winner is null);
        return new PublicTeamResult(
            PublicLookup.Found,
            new PublicTeamSchedule(
                team.TeamId,
                team.Name,
                team.Active,
                found.Ref,
                found.City.TimeZone,
                won,
                regular.Count - won - tied,
                tied,
                shown,
                PublicLeagues.Latest(team.UpdatedAt, games.Select(g => g.UpdatedAt).Append(found.League.UpdatedAt))));
    }
}
