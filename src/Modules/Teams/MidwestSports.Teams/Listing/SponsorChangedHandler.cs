using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A sponsor renamed or deactivated: the replica row and all its teams' listing rows in one statement each,
/// whatever the number of teams, under the inbox and a version guard.
/// </summary>
internal sealed class SponsorChangedHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<SponsorChanged>
{
    public async ValueTask Handle(SponsorChanged notification, CancellationToken cancellationToken) =>
        await db.HandleOnceAsync(notification, nameof(SponsorChangedHandler), time.GetUtcNow(), async ct =>
            {
                await UpsertAsync(db, notification.SponsorId, notification.Name, notification.Active, notification.Version, ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE teams.team_listing SET sponsor_name = {notification.Name}, sponsor_version = {notification.Version}
                    WHERE sponsor_id = {notification.SponsorId} AND sponsor_version < {notification.Version}
                    """,
                    ct);
            },
            cancellationToken);

    public static Task UpsertAsync(TeamsDbContext db, Guid sponsorId, string name, bool active, long version, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO teams.sponsor_names (sponsor_id, name, active, version)
            VALUES ({sponsorId}, {name}, {active}, {version})
            ON CONFLICT (sponsor_id) DO UPDATE SET name = excluded.name, active = excluded.active, version = excluded.version
            WHERE teams.sponsor_names.version < excluded.version
            """,
            ct);
}
