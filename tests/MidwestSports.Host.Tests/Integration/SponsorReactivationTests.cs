using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Deactivating a sponsor can be undone (issue 13): the sponsor can be assigned again, and its version moves on.</summary>
public sealed class SponsorReactivationTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Reactivate_AfterDeactivate_SponsorCanBeAssignedAgain()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Lucky Moose Tavern");
        var team = await world.TeamInAsync(league.Id, "Hazy Sliders");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var deactivated = await client.PostAsync($"/api/sponsors/{sponsor.Id}/deactivate", null);
        var refused = await client.PutAsJsonAsync($"/api/teams/{team.Id}/sponsor", new { sponsorId = sponsor.Id });
        var reactivated = await client.PostAsync($"/api/sponsors/{sponsor.Id}/reactivate", null);
        var body = await reactivated.Content.ReadFromJsonAsync<JsonElement>();
        var assigned = await client.PutAsJsonAsync($"/api/teams/{team.Id}/sponsor", new { sponsorId = sponsor.Id });

        Assert.Multiple(async () =>
        {
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "an inactive sponsor cannot be assigned");
            Assert.That(reactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("version").GetInt64(), Is.EqualTo(sponsor.Version + 2), "deactivated, then reactivated");
            Assert.That(assigned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await assigned.Content.ReadAsStringAsync());
        });
    }

    [Test]
    public async Task Reactivate_AnActiveSponsor_ChangesNothing()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsync($"/api/sponsors/{sponsor.Id}/reactivate", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("version").GetInt64(), Is.EqualTo(sponsor.Version));
    }

    [Test]
    public async Task Reactivate_WithAStaleIfMatch_Answers412AndStaysInactive()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Brew City Bikes");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PostAsync($"/api/sponsors/{sponsor.Id}/deactivate", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sponsors/{sponsor.Id}/reactivate");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{sponsor.Version}\"");

        var response = await client.SendAsync(request);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/sponsors/{sponsor.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(after.GetProperty("active").GetBoolean(), Is.False);
    }
}
