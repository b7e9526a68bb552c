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

    [Test]
    public async Task Freshness_InSeasonWithoutASuccessfulSync_DegradedThenHealthyAfterOne()
    {
        using var anonymous = world.Client(Persona.Anonymous, app);
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/health/freshness");
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        await SyncAsync(client);

        var after = await anonymous.GetFromJsonAsync<JsonElement>("/health/freshness");

        Assert.That(before.GetProperty("status").GetString(), Is.EqualTo("Degraded"), before.ToString());
        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("Healthy"), after.ToString());
    }

    [Test]
    public async Task MissingNights_LeagueNightsAtTheMappedVenueWithoutResults_AreListed()
    {
        var venue = (await World.SendAsSystemAsync(new ListVenues(world.Milwaukee))).Single(v => v.Name == "The Tap Room");
        await World.SendAsSystemAsync(new SetLeagueSlots(leagueId, [new SlotFields(venue.Id, "Main Room", new TimeOnly(19, 0), 120)]));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var reported = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
        if (today.DayNumber - reported.DayNumber < 3)
        {
            reported = reported.AddDays(-7);
        }

        partner.Pages.Enqueue(Page([Night("ev-1", reported.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ("t-1", "Quizzly Bears", 50))], next: null));
        using var client = world.Client(Persona.MilwaukeeAdmin, app);
        await SyncAsync(client);

        var missing = await client.GetFromJsonAsync<JsonElement>("/api/trivia/missing-nights?weeks=4");
        var dates = missing.EnumerateArray().Select(m => DateOnly.Parse(m.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.That(dates, Does.Contain(reported.AddDays(-7)).And.Contain(reported.AddDays(-14)));
        Assert.That(dates, Does.Not.Contain(reported), "the reported night is not missing");
        using var chicago = world.Client(Persona.ChicagoAdmin, app);
        Assert.That((await chicago.GetFromJsonAsync<JsonElement>("/api/trivia/missing-nights")).GetArrayLength(), Is.Zero, "another city's nights are not listed");
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

    [Test]
    public async Task SyncRun_CityAdmin_SeesTheFiguresOfTheirCitiesOnly()
    {
        partner.Pages.Enqueue(Page([Night("ev-1", "2026-11-03", ("t-1", "Quizzly Bears", 50), ("t-9", "Nobody We Know", 20))], next: null));
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin, app);
        using var chicago = world.Client(Persona.ChicagoAdmin, app);
        using var system = world.Client(Persona.SystemAdmin, app);
        var run = await SyncAsync(milwaukee);
        var id = run.GetProperty("id").GetGuid();

        var mine = await milwaukee.GetFromJsonAsync<JsonElement>($"/api/trivia/sync-runs/{id}");
        var theirs = await chicago.GetFromJsonAsync<JsonElement>($"/api/trivia/sync-runs/{id}");
        var all = await system.GetFromJsonAsync<JsonElement>("/api/trivia/sync-runs");

        Assert.Multiple(() =>
        {
            Assert.That((mine.GetProperty("eventsReceived").GetInt32(), mine.GetProperty("resultsCreated").GetInt32(), mine.GetProperty("unmatchedTeams").GetInt32()), Is.EqualTo((1, 2, 1)));
            Assert.That((theirs.GetProperty("eventsReceived").GetInt32(), theirs.GetProperty("resultsCreated").GetInt32(), theirs.GetProperty("unmatchedTeams").GetInt32()), Is.EqualTo((0, 0, 0)));
            Assert.That(all[0].GetProperty("resultsCreated").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Standings_OtherCitysAdmin_404()
    {
        using var client = world.Client(Persona.ChicagoAdmin, app);

        var response = await client.GetAsync($"/api/trivia/leagues/{leagueId}/standings");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
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
