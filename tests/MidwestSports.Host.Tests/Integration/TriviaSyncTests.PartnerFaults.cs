using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>A partner that misbehaves (wrong key, server errors, malformed JSON, too slow) or two hosts syncing at once: a clear reason, nothing half-stored.</summary>
public sealed partial class TriviaSyncTests
{
    [Test]
    public async Task Sync_WrongApiKey_FailsAtOnceSayingSoWithoutRetries()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        await SyncAsync(client);
        partner.Status.Enqueue(HttpStatusCode.Unauthorized);

        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("Failed"));
        Assert.That(run.GetProperty("error").GetString(), Does.Contain("refused the API key"));
        Assert.That(partner.Requests, Is.EqualTo(2), "one request for the first run, one for the refused one: no retry storm");
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.EqualTo(1), "earlier data stays");
    }

    [Test]
    public async Task Sync_ServerErrorsThenSuccess_RetriesAndSucceeds()
    {
        partner.Status.Enqueue(HttpStatusCode.InternalServerError);
        partner.Status.Enqueue(HttpStatusCode.TooManyRequests);
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("Succeeded"), run.ToString());
        Assert.That(partner.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task Sync_MalformedJson_FailsWithTheReasonAndStoresNoResult()
    {
        partner.Raw.Enqueue("""{"generatedAt":"2026-11-24T10:00:00Z","events":[{"eventId":"ev-1","status":"fin""");
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("Failed"));
        Assert.That(run.GetProperty("error").GetString(), Does.Contain("malformed JSON"));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.Zero);
    }

    [Test]
    public async Task Sync_TwoHostsStartedAtOnce_OneRunAppliesTheNightsOnce()
    {
        // The partner holds every request until one of the two runs has ended, so the runs overlap however slow the
        // machine is; both hosts allow a long attempt, so the held request is not timed out and retried meanwhile.
        partner.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-2", "Know It Ales", 40))], next: "p2"));
        partner.Pages.Enqueue(Page([Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30), ("t-3", "Smarty Pints", 45))], next: null));
        var patient = new Dictionary<string, string?>(HostSettings()) { ["Trivia:Partner:AttemptTimeout"] = "00:01:00", ["Trivia:Partner:TotalTimeout"] = "00:02:00" };
        await using var one = new MidwestApp(Database.Postgres.ConnectionString, patient);
        await using var other = new MidwestApp(Database.Postgres.ConnectionString, patient);
        _ = one.Server;
        _ = other.Server;
        using var first = world.Client(Persona.MilwaukeeAdmin, one);
        using var second = world.Client(Persona.MilwaukeeAdmin, other);

        // Both asks are answered while the partner holds the first page, so they overlap; when they made two runs, the
        // gate opens only once one of them has ended (refused), never before the other could take the sync's lock.
        var ids = await Task.WhenAll(StartSyncAsync(first), StartSyncAsync(second));
        if (ids[0] != ids[1])
        {
            var ended = await Task.WhenAny(WaitForRunAsync(first, ids[0]), WaitForRunAsync(second, ids[1]));
            Assert.That((await ended).GetProperty("status").GetString(), Is.EqualTo("Failed"), "no run can succeed while the partner holds its pages");
        }

        partner.Gate.TrySetResult();
        var runs = await Task.WhenAll(WaitForRunAsync(first, ids[0]), WaitForRunAsync(second, ids[1]));

        var distinct = runs.DistinctBy(r => r.GetProperty("id").GetGuid()).ToList();
        var applied = distinct.Where(r => r.GetProperty("status").GetString() == "Succeeded").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(applied, Has.Count.EqualTo(1), string.Join("\n", distinct));
            Assert.That(applied.Single().GetProperty("resultsCreated").GetInt32(), Is.EqualTo(4));
            foreach (var refused in distinct.Except(applied))
            {
                Assert.That(refused.GetProperty("status").GetString(), Is.EqualTo("Failed"), refused.ToString());
                Assert.That(refused.GetProperty("error").GetString(), Does.Contain("Another trivia sync was running"));
            }

            Assert.That(partner.Requests, Is.EqualTo(2), "one run read the feed's two pages; the other read nothing");
        });
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.EqualTo(4), "no result is doubled");
        var standings = await first.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        var bears = standings.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("teamName").GetString() == "Quizzly Bears");
        Assert.That(bears.GetProperty("totalScore").GetInt32(), Is.EqualTo(80));
    }

    [Test]
    public async Task Sync_PartnerSlowerThanTheAttemptTimeoutEveryTime_FailsWithTheReasonAndStoresNothing()
    {
        partner.Delay = TimeSpan.FromSeconds(5);
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var run = await SyncAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("Failed"), run.ToString());
            Assert.That(run.GetProperty("error").GetString(), Does.Contain("did not answer after retries"));
            Assert.That(partner.Requests, Is.GreaterThan(1), "a timed-out attempt is retried");
        });
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.nights"), Is.Zero);
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.Zero);
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.raw_pages"), Is.Zero, "no page arrived, none is archived");
    }
}
