using Mediator;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A sponsor renamed or deactivated: the one-row replica moves forward and a <see cref="SponsorRekeyDue"/> is queued
/// in Teams' outbox, in one short transaction under the inbox. The re-keying of the sponsor's listing rows (a second
/// or more for 10,000 teams) runs after it on <see cref="ListingWork"/>, so the request that renamed the sponsor
/// answers in milliseconds. Until the rows follow, the replica's <c>listed_version</c> lags its <c>version</c> and
/// listing reads take that sponsor's rows by id at its new name (<see cref="StaleSponsors"/>), so no page is wrong.
/// </summary>
internal sealed class SponsorChangedHandler(TeamsDbContext db, ListingWork work, TimeProvider time) : INotificationHandler<SponsorChanged>
{
    public async ValueTask Handle(SponsorChanged notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rekey = new SponsorRekeyDue(Guid.CreateVersion7(), notification.SponsorId, notification.Version);
        var handled = await db.HandleOnceAsync(notification, nameof(SponsorChangedHandler), now, async ct =>
            {
                await UpsertAsync(db, notification.SponsorId, notification.Name, notification.Active, notification.Version, ct);
                await ListingWork.QueueAsync(db, rekey, now, ct);
            },
            cancellationToken);
        if (handled)
        {
            work.Start(rekey.EventId);
        }
    }

    public static Task<int> UpsertAsync(TeamsDbContext db, Guid sponsorId, string name, bool active, long version, CancellationToken ct) =>
        NameReplica.Sponsors.UpsertSponsorAsync(db, sponsorId, name, active, version, ct);
}
