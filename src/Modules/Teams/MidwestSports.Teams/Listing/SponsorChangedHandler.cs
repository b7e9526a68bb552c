using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A sponsor renamed or deactivated, in two steps. First the one-row replica, committed at once: the listing shows a
/// team's sponsor name from it, so a rename is on screen within milliseconds. Then all its teams' listing rows in one
/// statement, under the inbox and a version guard: their sort and filter keys follow (about a second for 10,000
/// teams). A crash between the two leaves no inbox record, so the message is delivered again and both steps repeat
/// (each is a no-op for an older or equal version).
/// </summary>
internal sealed class SponsorChangedHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<SponsorChanged>
{
    public async ValueTask Handle(SponsorChanged notification, CancellationToken cancellationToken)
    {
        await UpsertAsync(db, notification.SponsorId, notification.Name, notification.Active, notification.Version, cancellationToken);
        await db.HandleOnceAsync(notification, nameof(SponsorChangedHandler), time.GetUtcNow(), ct =>
                db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE teams.team_listing SET sponsor_name = {notification.Name}, sponsor_version = {notification.Version}
                    WHERE sponsor_id = {notification.SponsorId} AND sponsor_version < {notification.Version}
                    """,
                    ct),
            cancellationToken);
    }

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
