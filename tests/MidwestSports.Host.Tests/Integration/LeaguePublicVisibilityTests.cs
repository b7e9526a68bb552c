using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The league form's "Shown on the public site" switch, through the API it saves with.</summary>
public sealed class LeaguePublicVisibilityTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Put_PublicVisibleOffThenOn_HidesTheLeagueFromThePublicApiAndShowsItAgain()
    {
        var league = await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        using var anonymous = world.Client(Persona.Anonymous);
        var publicLeague = $"/public/v1/leagues/{league.Id}";
        var shownAtFirst = (await anonymous.GetAsync(publicLeague)).StatusCode;

        await PutAsync(client, league.Id, "Tuesday Kickball", publicVisible: false);
        var hidden = await Probe.UntilAsync(() => anonymous.GetAsync(publicLeague), r => r.StatusCode == HttpStatusCode.NotFound);
        // An edit without a value for it (an older client) keeps the league hidden.
        await PutAsync(client, league.Id, "Tuesday Kickball Plus", publicVisible: null);
        var afterOtherEdit = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{league.Id}");
        var stillHidden = (await anonymous.GetAsync(publicLeague)).StatusCode;
        await PutAsync(client, league.Id, "Tuesday Kickball Plus", publicVisible: true);
        var shownAgain = await Probe.UntilAsync(() => anonymous.GetAsync(publicLeague), r => r.StatusCode == HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(shownAtFirst, Is.EqualTo(HttpStatusCode.OK), "an active league is public by default");
            Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(afterOtherEdit.GetProperty("publicVisible").GetBoolean(), Is.False);
            Assert.That(stillHidden, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(shownAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await shownAgain.Content.ReadAsStringAsync(), Does.Contain("Tuesday Kickball Plus"));
        });
    }

    private async Task PutAsync(HttpClient client, Guid leagueId, string name, bool? publicVisible)
    {
        var response = await client.PutAsJsonAsync($"/api/leagues/{leagueId}", new
        {
            name, sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active", publicVisible,
        });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
