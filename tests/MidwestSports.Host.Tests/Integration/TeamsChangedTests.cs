using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// An import announces its teams a batch at a time (<see cref="TeamsChanged"/>, ADR 0026): each subscriber applies the
/// batch as it would apply each team's TeamChanged (the Leagues replica, the public change feed), set-wise and once.
/// </summary>
public sealed class TeamsChangedTests
{
    private World world = null!;

    [SetUp]
    public async Task ResetAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Publish_Batch_EveryTeamReachesTheLeaguesReplica_AnOlderVersionNeverWins()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var other = await world.LeagueInAsync(world.Milwaukee, "Thursday Softball");
        var known = await world.TeamInAsync(league.Id, "Otters");
        // The replica already has a newer version of Otters (renamed since): the batch's older item must not undo it.
        await PublishAsync(Changed(known.Id, league.Id, "Otters Renamed", version: 5));
        var herons = Guid.NewGuid();
        var wrens = Guid.NewGuid();
        var larks = Guid.NewGuid();
        var batch = new TeamsChanged(Guid.NewGuid(), [
            Changed(herons, league.Id, "Herons", 1),
            Changed(wrens, league.Id, "Wrens", 1),
            Changed(larks, other.Id, "Larks", 1),
            Changed(known.Id, league.Id, "Otters Old", 2),
        ]);
        var contentBefore = await LeagueContentMessagesAsync();

        await PublishAsync(batch);

        var replica = await ReplicaAsync(herons, wrens, larks, known.Id);
        var contentMessages = await LeagueContentMessagesAsync() - contentBefore;
        Assert.Multiple(() =>
        {
            Assert.That(replica, Is.EqualTo("Herons|Larks|Otters Renamed|Wrens"));
            Assert.That(contentMessages, Is.EqualTo(2), "one LeagueContentChanged per league whose teams changed (two in the first), not one per team");
        });
    }

    [Test]
    public async Task Publish_Batch_ALeagueWithASetUpChangeWaiting_GetsNoSecondMessage()
    {
        var waiting = await world.LeagueInAsync(world.Milwaukee);
        var other = await world.LeagueInAsync(world.Milwaukee, "Thursday Softball");
        // A "set-up changed" message for the first league, not yet published (due later): the batch's change rides on it.
        var waitingMessage = Guid.NewGuid();
        var waitingEvent = Guid.NewGuid();
        await Database.Postgres.ExecuteAsync("""
            INSERT INTO leagues.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES ($3, 'MidwestSports.Leagues.Contracts.LeagueContentChanged, MidwestSports.Leagues.Contracts',
                    jsonb_build_object('eventId', $4::uuid, 'leagueId', $1::uuid, 'cityId', $2::uuid, 'games', '[]'::jsonb,
                                       'setupChanged', true, 'bracketChanged', false, 'at', now()),
                    now(), now() + interval '1 hour', 0)
            """, waiting.Id, world.Milwaukee, waitingMessage, waitingEvent);
        var waitingBefore = await LeagueContentMessagesAsync(waiting.Id);
        var otherBefore = await LeagueContentMessagesAsync(other.Id);

        await PublishAsync(new TeamsChanged(Guid.NewGuid(), [
            Changed(Guid.NewGuid(), waiting.Id, "Herons", 1),
            Changed(Guid.NewGuid(), other.Id, "Larks", 1),
        ]));

        var waitingAfter = await LeagueContentMessagesAsync(waiting.Id);
        var otherAfter = await LeagueContentMessagesAsync(other.Id);
        var taken = await Database.Postgres.ScalarAsync<string>(
            "SELECT (processed_at IS NOT NULL)::text || '|' || (payload ->> 'eventId' <> $2::text)::text FROM leagues.outbox_messages WHERE id = $1", waitingMessage, waitingEvent);
        Assert.Multiple(() =>
        {
            Assert.That(waitingAfter - waitingBefore, Is.Zero, "the waiting message says it: no second one");
            Assert.That(otherAfter - otherBefore, Is.EqualTo(1), "the league without a waiting message gets one");
            Assert.That(taken, Is.EqualTo("true|true"), "the waiting message was published after the batch, under a new event id");
        });
    }

    [Test]
    public async Task Publish_SameBatchTwice_AppliedOnceInEffect()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var herons = Guid.NewGuid();
        var batch = new TeamsChanged(Guid.NewGuid(), [Changed(herons, league.Id, "Herons", 1)]);

        await PublishAsync(batch);
        // Version 0: only the inbox, not the version guard, can keep the repeat from overwriting it.
        await Database.Postgres.ExecuteAsync("UPDATE leagues.league_teams SET name = 'edited since', version = 0 WHERE team_id = $1", herons);
        var contentBefore = await LeagueContentMessagesAsync();
        var feedBefore = await FeedRowsAsync(herons);
        await PublishAsync(batch);

        var replica = await ReplicaAsync(herons);
        var contentAfter = await LeagueContentMessagesAsync();
        var feedAfter = await FeedRowsAsync(herons);
        Assert.Multiple(() =>
        {
            Assert.That(replica, Is.EqualTo("edited since"), "the repeat was skipped, not re-applied");
            Assert.That(contentAfter, Is.EqualTo(contentBefore), "no second LeagueContentChanged");
            Assert.That(feedBefore, Is.EqualTo(1));
            Assert.That(feedAfter, Is.EqualTo(1), "the public feed has the team once");
        });
    }

    [Test]
    public async Task Publish_Batch_PublicFeedHasThePublishedLeaguesTeamsOnly()
    {
        var published = await world.LeagueInAsync(world.Milwaukee);
        var draft = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(
            "Draft Kickball", "Kickball", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Monday, "Recreational", LeagueStatus.Draft)));
        var herons = Guid.NewGuid();
        var larks = Guid.NewGuid();
        var wrens = Guid.NewGuid();

        await PublishAsync(new TeamsChanged(Guid.NewGuid(), [
            Changed(herons, published.Id, "Herons", 1),
            Changed(wrens, published.Id, "Wrens", 3),
            Changed(larks, draft.Id, "Larks", 1),
        ]));

        var feed = await Database.Postgres.ScalarAsync<string>(
            "SELECT string_agg(kind || ':' || change, ',' ORDER BY change) FROM public_site.changes WHERE entity_id = ANY($1)", (object)new[] { herons, wrens });
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(feed, Is.EqualTo("team:created,team:updated"), "version 1 is a creation, a later one an update");
            Assert.That(await FeedRowsAsync(larks), Is.Zero, "a draft league's team never enters the feed");
        });
    }

    private TeamChanged Changed(Guid teamId, Guid leagueId, string name, long version) =>
        new(Guid.NewGuid(), teamId, leagueId, world.Milwaukee, name, TeamStatus.Active, Deleted: false, version);

    private static async Task PublishAsync(IIntegrationEvent notification)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("teams-changed-tests");
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(notification);
    }

    private static Task<string?> ReplicaAsync(params Guid[] teamIds) =>
        Database.Postgres.ScalarAsync<string>("SELECT string_agg(name, '|' ORDER BY name) FROM leagues.league_teams WHERE team_id = ANY($1)", (object)teamIds);

    private static Task<long> LeagueContentMessagesAsync(Guid? leagueId = null) =>
        Database.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM leagues.outbox_messages WHERE type LIKE 'MidwestSports.Leagues.Contracts.LeagueContentChanged,%' AND ($1::uuid IS NULL OR payload ->> 'leagueId' = $1::text)",
            (object?)leagueId ?? DBNull.Value);

    private static Task<long> FeedRowsAsync(Guid teamId) =>
        Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM public_site.changes WHERE entity_id = $1", teamId);
}
