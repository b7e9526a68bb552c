using System.Net;
using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Messaging;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Leagues records CityChanged in its outbox; Teams keeps its city_names replica from it, exactly once in effect.</summary>
public sealed class CrossModuleMessagingTests
{
    private World world = null!;

    [SetUp]
    public async Task ResetAsync() => world = await World.ResetAsync();

    [Test]
    public async Task CreateCity_Committed_ReachesTeamsReplicaRightAfterCommit()
    {
        var city = await CreateCityAsync(world.Client(Persona.SystemAdmin), "Green Bay");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ReplicaNameAsync(city.Id), Is.EqualTo("Green Bay"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.outbox_messages WHERE processed_at IS NULL"), Is.Zero);
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.inbox_messages i JOIN leagues.outbox_messages o ON o.id = i.message_id WHERE o.payload->>'cityId' = $1", city.Id.ToString()), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Publish_SameEventTwice_AppliedOnceInEffect()
    {
        var cityId = Guid.NewGuid();
        var changed = new CityChanged(Guid.NewGuid(), cityId, "Madison", "WI", "America/Chicago", 1);

        await PublishAsync(changed);
        await Database.Postgres.ExecuteAsync("UPDATE teams.city_names SET name = 'edited since' WHERE city_id = $1", cityId);
        await PublishAsync(changed);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ReplicaNameAsync(cityId), Is.EqualTo("edited since"), "the repeat was skipped, not re-applied");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.inbox_messages WHERE message_id = $1", changed.EventId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Publish_OlderEventAfterNewer_NewerNameWins()
    {
        var cityId = Guid.NewGuid();

        await PublishAsync(new CityChanged(Guid.NewGuid(), cityId, "Minneapolis-St Paul", "MN", "America/Chicago", 2));
        await PublishAsync(new CityChanged(Guid.NewGuid(), cityId, "Minneapolis", "MN", "America/Chicago", 1));

        Assert.That(await ReplicaNameAsync(cityId), Is.EqualTo("Minneapolis-St Paul"));
    }

    [Test]
    public async Task PublishAfterCommit_Fails_RelayDeliversLater()
    {
        await using var crashedBeforePublish = new MidwestApp(
            Database.Postgres.ConnectionString,
            new Dictionary<string, string?> { ["Outbox:PublishAfterCommit"] = "false", ["Hangfire:Enabled"] = "false" });
        var city = await CreateCityAsync(world.Client(Persona.SystemAdmin, crashedBeforePublish), "Rockford");
        var beforeRelay = await ReplicaNameAsync(city.Id);

        var relayed = await RelayAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(beforeRelay, Is.Null, "nothing was published after commit");
            Assert.That(relayed, Is.EqualTo(1));
            Assert.That(await ReplicaNameAsync(city.Id), Is.EqualTo("Rockford"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.outbox_messages WHERE processed_at IS NULL"), Is.Zero);
        });
    }

    [Test]
    public async Task Handler_Throws_MessageKeptAndRetriedUntilHandled()
    {
        // Fault injection: the Teams replica table is missing, so its handler throws.
        await Database.Postgres.ExecuteAsync("ALTER TABLE teams.city_names RENAME TO city_names_away");
        CityDto city;
        try
        {
            city = await CreateCityAsync(world.Client(Persona.SystemAdmin), "Duluth");
        }
        finally
        {
            await Database.Postgres.ExecuteAsync("ALTER TABLE teams.city_names_away RENAME TO city_names");
        }

        var attempts = await Database.Postgres.ScalarAsync<int>("SELECT attempts FROM leagues.outbox_messages WHERE processed_at IS NULL");
        var error = await Database.Postgres.ScalarAsync<string>("SELECT last_error FROM leagues.outbox_messages WHERE processed_at IS NULL");
        await Database.Postgres.ExecuteAsync("UPDATE leagues.outbox_messages SET next_attempt_at = now() - interval '1 second'");
        await RelayAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(attempts, Is.EqualTo(1));
            Assert.That(error, Does.Contain("city_names"));
            Assert.That(await ReplicaNameAsync(city.Id), Is.EqualTo("Duluth"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.outbox_messages WHERE processed_at IS NULL"), Is.Zero);
        });
    }

    [Test]
    public async Task Relay_FailedMessageNotYetDue_WaitsForItsBackOff()
    {
        await Database.Postgres.ExecuteAsync("ALTER TABLE teams.city_names RENAME TO city_names_away");
        try
        {
            await CreateCityAsync(world.Client(Persona.SystemAdmin), "Rochester");
        }
        finally
        {
            await Database.Postgres.ExecuteAsync("ALTER TABLE teams.city_names_away RENAME TO city_names");
        }

        var relayed = await RelayAsync();

        Assert.That(relayed, Is.Zero, "a failed message is retried after its back-off, not in a hot loop");
    }

    private static async Task<CityDto> CreateCityAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/cities", new { name, state = "WI", timeZone = "America/Chicago" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CityDto>())!;
    }

    private static async Task PublishAsync(CityChanged changed)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(changed);
    }

    private static async Task<int> RelayAsync()
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        var handled = 0;
        foreach (var processor in scope.ServiceProvider.GetServices<IOutboxProcessor>())
        {
            handled += await processor.ProcessAsync(null, CancellationToken.None);
        }

        return handled;
    }

    private static Task<string?> ReplicaNameAsync(Guid cityId) =>
        Database.Postgres.ScalarAsync<string>("SELECT name FROM teams.city_names WHERE city_id = $1", cityId);
}
