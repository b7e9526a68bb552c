using Mediator;
using Microsoft.EntityFrameworkCore;
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
                var changed = await TeamReplica.UpsertManyAsync(db, notification.Teams, now, ct);
                var pending = changed.Count == 0 ? [] : await PendingSetupChangesAsync(changed, now, ct);
                foreach (var leagueId in changed.Where(l => !pending.Contains(l)).Order())
                {
                    db.AddToOutbox(new LeagueContentChanged(Guid.CreateVersion7(now), leagueId, cityOf[leagueId], [], SetupChanged: true, BracketChanged: false, now), now);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// The leagues among <paramref name="leagueIds"/> that already have a "set-up changed" message waiting in the outbox,
    /// not yet claimed. Each is locked until this transaction commits and taken over: a new event id (a subscriber that
    /// already saw the old one, from a delivery whose outbox row was never marked, handles it again) and this change's
    /// time, published after this commit like a message of its own. A large import's batches then leave one message per
    /// league rather than one per batch and league. A message being published right now is locked by its publisher and
    /// skipped: this change gets a message of its own.
    /// </summary>
    private async Task<HashSet<Guid>> PendingSetupChangesAsync(IReadOnlyList<Guid> leagueIds, DateTimeOffset now, CancellationToken ct)
    {
        var ids = leagueIds.ToArray();
        var taken = await db.Database.SqlQuery<string>(
            $"""
            WITH waiting AS (
                SELECT id FROM leagues.outbox_messages
                WHERE processed_at IS NULL AND attempts = 0 AND type = {ContentChangedType}
                  AND (payload ->> 'leagueId')::uuid = ANY({ids})
                  AND (payload ->> 'setupChanged')::boolean AND jsonb_array_length(payload -> 'games') = 0
                FOR UPDATE SKIP LOCKED)
            UPDATE leagues.outbox_messages m
            SET payload = jsonb_set(jsonb_set(m.payload, ARRAY['eventId'], to_jsonb(gen_random_uuid())), ARRAY['at'], to_jsonb({now}::timestamptz))
            FROM waiting w WHERE m.id = w.id
            RETURNING m.id::text || ' ' || (m.payload ->> 'leagueId') AS "Value"
            """).ToListAsync(ct);
        var leagues = new HashSet<Guid>();
        foreach (var row in taken)
        {
            var parts = row.Split(' ');
            db.PublishAfterCommit(Guid.Parse(parts[0]));
            leagues.Add(Guid.Parse(parts[1]));
        }

        return leagues;
    }

    private static readonly string ContentChangedType = $"{typeof(LeagueContentChanged).FullName}, {typeof(LeagueContentChanged).Assembly.GetName().Name}";
}
