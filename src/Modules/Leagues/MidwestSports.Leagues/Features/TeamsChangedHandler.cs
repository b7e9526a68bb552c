using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>
/// <see cref="TeamChangedHandler"/> for a batch (an import's): the schedule's team names in one statement, and one
/// <see cref="LeagueContentChanged"/> per league whose teams changed rather than one per team.
/// </summary>
internal sealed class TeamsChangedHandler(LeaguesDbContext db, TimeProvider time) : INotificationHandler<TeamsChanged>
{
    public async ValueTask Handle(TeamsChanged notification, CancellationToken cancellationToken)
    {
        if (notification.Teams.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.HandleOnceAsync(
            notification,
            nameof(TeamsChangedHandler),
            now,
            async ct =>
            {
                var cityOf = notification.Teams.GroupBy(t => t.LeagueId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!.CityId);
                foreach (var leagueId in (await TeamReplica.UpsertManyAsync(db, notification.Teams, now, ct)).Order())
                {
                    db.AddToOutbox(new LeagueContentChanged(Guid.CreateVersion7(now), leagueId, cityOf[leagueId], [], SetupChanged: true, BracketChanged: false, now), now);
                }
            },
            cancellationToken);
    }
}
