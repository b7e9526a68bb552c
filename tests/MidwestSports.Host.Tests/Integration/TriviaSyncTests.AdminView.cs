using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>What admins read about the sync: data freshness, nights without results, run figures per city, standings in scope.</summary>
public sealed partial class TriviaSyncTests
{
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
}
