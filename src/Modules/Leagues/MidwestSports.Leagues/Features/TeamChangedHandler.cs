using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>Keeps the schedule's team names current: a team renamed in the Teams module shows renamed in every schedule.</summary>
internal sealed class TeamChangedHandler(LeaguesDbContext db, TimeProvider time) : INotificationHandler<TeamChanged>
{
    public async ValueTask Handle(TeamChanged notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.HandleOnceAsync(
            notification,
            nameof(TeamChangedHandler),
            now,
            async ct =>
            {
                var facts = new TeamFacts(notification.TeamId, notification.LeagueId, notification.CityId, notification.Name, notification.Status, notification.Version);
                if (await TeamReplica.UpsertAsync(db, facts, notification.Deleted, now, ct) > 0)
                {
                    // Raw SQL is not seen by ContentChanges: say it here, once the replica (what schedules show) has the new name.
                    db.AddToOutbox(new LeagueContentChanged(Guid.CreateVersion7(now), notification.LeagueId, notification.CityId, [], SetupChanged: true, BracketChanged: false, now), now);
                }
            },
            cancellationToken);
    }
}
