using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>Teams' own work item, through its outbox: re-key a sponsor's listing rows to the replica's name.</summary>
internal sealed record SponsorRekeyDue(Guid EventId, Guid SponsorId, long Version) : IIntegrationEvent;

/// <summary>
/// Rewrites a sponsor's listing rows to the name and version its replica holds now (newer than the message's, if
/// another rename came meanwhile), in one set-based statement, and marks the replica listed at that version, in one
/// transaction under the inbox. No lock on the replica: a rename committing meanwhile leaves <c>listed_version</c>
/// behind its <c>version</c>, and its own message re-keys again.
/// </summary>
internal sealed class SponsorRekeyHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<SponsorRekeyDue>
{
    public async ValueTask Handle(SponsorRekeyDue notification, CancellationToken cancellationToken) =>
        await db.HandleOnceAsync(notification, nameof(SponsorRekeyHandler), time.GetUtcNow(), async ct =>
            {
                var replica = await db.SponsorNames.AsNoTracking().Where(s => s.SponsorId == notification.SponsorId)
                    .Select(s => new { s.Name, s.Version }).SingleOrDefaultAsync(ct);
                if (replica is null)
                {
                    return;
                }

                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE teams.team_listing SET sponsor_name = {replica.Name}, sponsor_version = {replica.Version}
                    WHERE sponsor_id = {notification.SponsorId} AND sponsor_version < {replica.Version}
                    """,
                    ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE teams.sponsor_names SET listed_version = {replica.Version} WHERE sponsor_id = {notification.SponsorId} AND listed_version < {replica.Version}",
                    ct);
            },
            cancellationToken);
}
