using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The trivia sync through the real HTTP client and its resilience pipeline, against a stub partner that answers
/// what each test scripts: pages, 401, 500, malformed JSON. Runs are started and read through the API.
/// </summary>
public sealed partial class TriviaSyncTests
{
    private static StubPartner partner = null!;
    private static MidwestApp app = null!;
    private World world = null!;
    private Guid leagueId;
    private Dictionary<string, Guid> teams = [];

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        partner = await StubPartner.StartAsync();
        app = new MidwestApp(Database.Postgres.ConnectionString, HostSettings());
        _ = app.Server;
    }

    /// <summary>A host on the test database whose sync reads the stub partner.</summary>
    private static Dictionary<string, string?> HostSettings() => new()
    {
        ["Trivia:Partner:BaseUrl"] = partner.BaseUrl,
        ["Trivia:Partner:ApiKey"] = StubPartner.Key,
        ["Trivia:Partner:AttemptTimeout"] = "00:00:02",
        ["Trivia:Partner:TotalTimeout"] = "00:00:10",
        ["Trivia:Partner:RetryDelay"] = "00:00:00.050",
        ["Trivia:Partner:MaxRetries"] = "3",
    };

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        await app.DisposeAsync();
        await partner.DisposeAsync();
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        partner.Reset();
        await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "The Tap Room", "1 Water St", ["Main Room"])));
        var league = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Tuesday Trivia", "Trivia", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
        leagueId = league.Id;
        teams = [];
        foreach (var name in new[] { "Quizzly Bears", "Know It Ales", "Smarty Pints" })
        {
            teams[name] = (await world.TeamInAsync(league.Id, name)).Id;
        }
    }

    [Test]
    public async Task Sync_SameFeedTwice_SecondRunChangesNothing()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-2", "Know It Ales", 40))], next: "p2"));
        partner.Pages.Enqueue(Page([Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30), ("t-3", "smarty pints!", 45))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var first = await SyncAsync(client);
        partner.Repeat();
        var second = await SyncAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("Succeeded"), first.ToString());
            Assert.That(first.GetProperty("resultsCreated").GetInt32(), Is.EqualTo(4));
            Assert.That(first.GetProperty("unmatchedTeams").GetInt32(), Is.Zero, "exact normalised names match by themselves");
            Assert.That(second.GetProperty("status").GetString(), Is.EqualTo("Succeeded"), second.ToString());
            Assert.That(second.GetProperty("resultsCreated").GetInt32() + second.GetProperty("resultsUpdated").GetInt32(), Is.Zero);
            Assert.That(second.GetProperty("resultsUnchanged").GetInt32(), Is.EqualTo(4));
        });
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        var rows = standings.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("teamName").GetString(), r.GetProperty("totalScore").GetInt32())).ToList();
        Assert.That(rows.Take(3), Is.EqualTo(new[] { ("Quizzly Bears", 80), ("Smarty Pints", 45), ("Know It Ales", 40) }));
    }

    [Test]
    public async Task Sync_LateCorrectionAndVoid_ReplaceTheNightAndLeaveTheStandings()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-2", "Know It Ales", 40)), Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        await SyncAsync(client);

        partner.Pages.Enqueue(Page(
            [Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 20), ("t-2", "Know It Ales", 40)) with { LastModified = DateTimeOffset.UtcNow }, Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30)) with { Status = "void", LastModified = DateTimeOffset.UtcNow }],
            next: null));
        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("resultsUpdated").GetInt32(), Is.EqualTo(1), run.ToString());
        Assert.That(run.GetProperty("resultsVoided").GetInt32(), Is.EqualTo(1), run.ToString());
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        var bears = standings.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("teamName").GetString() == "Quizzly Bears");
        Assert.That(bears.GetProperty("totalScore").GetInt32(), Is.EqualTo(20), "the corrected night counts, the void one does not");
        var nights = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/nights");
        Assert.That(nights.EnumerateArray().Select(n => n.GetProperty("status").GetString()), Is.EquivalentTo(new[] { "Final", "Void" }), "a void night stays in history");
    }

    [Test]
    public async Task Sync_UnknownTeam_WaitsInTheQueueAndLinkingAppliesItsResults()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-9", "Quizly Bear Cubs", 44))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        var run = await SyncAsync(client);
        Assert.That(run.GetProperty("unmatchedTeams").GetInt32(), Is.EqualTo(1));

        var queue = await client.GetFromJsonAsync<JsonElement>("/api/trivia/unmatched");
        var item = queue.EnumerateArray().Single();
        Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("Quizly Bear Cubs"));
        Assert.That(item.GetProperty("waitingResults").GetInt32(), Is.EqualTo(1));
        Assert.That(item.GetProperty("suggestions")[0].GetProperty("targetId").GetGuid(), Is.EqualTo(teams["Quizzly Bears"]).Or.Not.EqualTo(Guid.Empty));

        var link = await client.PostAsJsonAsync($"/api/trivia/unmatched/{item.GetProperty("id").GetGuid()}/link", new { targetId = teams["Smarty Pints"] });
        Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await link.Content.ReadAsStringAsync());
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        var pints = standings.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("teamName").GetString() == "Smarty Pints");
        Assert.That(pints.GetProperty("totalScore").GetInt32(), Is.EqualTo(44));
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/trivia/unmatched")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Sync_TotalThatDoesNotAddUp_HoldsTheNightWithTheReasonAndAppliesTheRest()
    {
        var bad = Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30));
        bad = bad with { Results = [bad.Results[0] with { Total = 99 }] };
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50)), bad], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("nightsHeld").GetInt32(), Is.EqualTo(1), run.ToString());
        var nights = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/nights");
        var held = nights.EnumerateArray().Single(n => n.GetProperty("eventId").GetString() == "ev-2");
        Assert.That(held.GetProperty("held").GetBoolean(), Is.True);
        Assert.That(held.GetProperty("flags")[0].GetString(), Does.Contain("total 99 is not rounds plus bonus"));
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        Assert.That(standings.GetProperty("rows")[0].GetProperty("totalScore").GetInt32(), Is.EqualTo(50));
    }

    [Test]
    public async Task Sync_NextSeasonRenumbersTeams_SameNamesLinkThemselvesNewNamesAskAgain()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-2", "Know It Ales", 40))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        await SyncAsync(client);

        // Next season the partner numbers its teams anew: t-1 is now another team; one team plays under a new name.
        var spring = Night("ev-2", "2027-03-02", ("t-1", "Know It Ales", 44), ("t-7", "Quizzly Bears", 47), ("t-8", "Smarty Pints Reloaded", 39)) with { SeasonId = "2027-spring" };
        partner.Pages.Enqueue(Page([spring], next: null));
        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("unmatchedTeams").GetInt32(), Is.EqualTo(1), run.ToString());
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/leagues/{leagueId}/standings");
        var totals = standings.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("teamName").GetString()!, r => r.GetProperty("totalScore").GetInt32());
        Assert.That(totals["Quizzly Bears"], Is.EqualTo(97), "t-1 of the fall and t-7 of the spring are the same team");
        Assert.That(totals["Know It Ales"], Is.EqualTo(84), "t-1 of the spring is not the fall's t-1");
        var queue = await client.GetFromJsonAsync<JsonElement>("/api/trivia/unmatched");
        Assert.That(queue.EnumerateArray().Select(q => (q.GetProperty("name").GetString(), q.GetProperty("partnerSeason").GetString())),
            Is.EqualTo(new[] { ("Smarty Pints Reloaded", "2027-spring") }));
    }

    [Test]
    public async Task Sync_SamePageTwiceInOneRun_CountsEachNightOnce()
    {
        var page = Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50)), Night("ev-2", "2026-11-10", ("t-1", "Quizzly Bears", 30))], next: "p2");
        partner.Pages.Enqueue(page);
        partner.Pages.Enqueue(page with { NextCursor = null });
        using var client = world.Client(Persona.MilwaukeeAdmin, app);

        var run = await SyncAsync(client);

        Assert.That(run.GetProperty("resultsCreated").GetInt32(), Is.EqualTo(2), run.ToString());
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.results"), Is.EqualTo(2));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM trivia.raw_pages"), Is.EqualTo(2), "both pages archived as received");
    }

    private static async Task<JsonElement> SyncAsync(HttpClient client) => await WaitForRunAsync(client, await StartSyncAsync(client));

    private static async Task<Guid> StartSyncAsync(HttpClient client)
    {
        var started = await client.PostAsync("/api/trivia/sync", null);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
    }

    private static async Task<JsonElement> WaitForRunAsync(HttpClient client, Guid runId)
    {
        for (var i = 0; i < 200; i++)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/trivia/sync-runs/{runId}");
            if (run.GetProperty("status").GetString() != "Running")
            {
                return run;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The run did not finish in 20 s.");
        return default;
    }

    private static FeedPageBody Page(FeedNight[] events, string? next) => new(DateTimeOffset.UtcNow, events, next);

    private static FeedNight Night(string id, string date, params (string Id, string Name, int Total)[] results) =>
        new(id, "final", new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), "2026-fall", 1, "regular", date, "19:00",
            new FeedVenueBody("v-1", "The Tap Room", "Milwaukee"),
            [.. results.Select(r => new FeedResultBody(r.Id, r.Name, [r.Total - 2], 2, r.Total, null))]);
}
