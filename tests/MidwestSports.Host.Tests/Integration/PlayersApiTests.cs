using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>A team's roster over the API: scoped like its team, one captain, one email per team, no lost update.</summary>
public sealed class PlayersApiTests
{
    private World world = null!;
    private Guid team;

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        var league = await world.LeagueInAsync(world.Milwaukee);
        team = (await world.TeamInAsync(league.Id, "Otters")).Id;
    }

    [Test]
    public async Task AddPlayer_AsCityAdmin_201AndRosterListsCaptainFirst()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var alex = await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "  Alex Zed  ", email = "alex@example.org", phone = "0414 555 0100" });
        var casey = await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "Casey Young", isCaptain = true });
        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{team}/players");

        Assert.Multiple(async () =>
        {
            Assert.That(alex.StatusCode, Is.EqualTo(HttpStatusCode.Created), await alex.Content.ReadAsStringAsync());
            Assert.That(alex.Headers.Location?.ToString(), Does.StartWith($"/api/teams/{team}/players/"));
            Assert.That(alex.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(casey.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(roster.EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "Casey Young", "Alex Zed" }));
            Assert.That(roster[1].GetProperty("phone").GetString(), Is.EqualTo("0414 555 0100"), "a phone is text: its leading zero stays");
            Assert.That(roster[0].GetProperty("email").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(roster[0].GetProperty("isCaptain").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task AddPlayer_AsCaptain_PreviousCaptainStepsDown()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "First Captain", isCaptain = true });

        var second = await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "Second Captain", isCaptain = true });

        Assert.Multiple(async () =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT string_agg(name, ',') FROM teams.players WHERE team_id = $1 AND is_captain", team), Is.EqualTo("Second Captain"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT version FROM teams.players WHERE name = 'First Captain'"), Is.EqualTo(2), "the step-down is a change of its own");
        });
    }

    [Test]
    public async Task AddPlayer_EmailAlreadyOnTeamInOtherCase_409NamingEmail()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "Pat One", email = "pat@example.org" });

        var duplicate = await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "Pat Two", email = " PAT@Example.org " });
        var otherTeam = (await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee, "Other League")).Id, "Herons")).Id;
        var elsewhere = await client.PostAsJsonAsync($"/api/teams/{otherTeam}/players", new { name = "Pat One", email = "pat@example.org" });

        Assert.Multiple(async () =>
        {
            Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await ErrorsAsync(duplicate), Does.ContainKey("email"));
            Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Created), "one email may play on two teams");
        });
    }

    [TestCase("name", "", "blank")]
    [TestCase("name", "Nul\u0000Name", "a control character")]
    [TestCase("name", "\u200B\u200B", "only invisible characters")]
    [TestCase("email", "not-an-email", "not an email")]
    [TestCase("phone", "call me", "letters")]
    public async Task AddPlayer_BadField_400NamingItAndNothingStored(string field, string value, string why)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var body = new Dictionary<string, object?> { ["name"] = "Valid Name", ["email"] = "valid@example.org", ["phone"] = "414-555-0100", [field] = value };

        var response = await client.PostAsJsonAsync($"/api/teams/{team}/players", body);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), why);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await ErrorsAsync(response), Does.ContainKey(field));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players"), Is.Zero);
        });
    }

    [Test]
    public async Task Roster_OfAnotherCitysTeam_404EvenForAWrite()
    {
        var chicagoTeam = (await world.TeamInAsync((await world.LeagueInAsync(world.Chicago)).Id, "Bears")).Id;
        var player = await AddAsync(chicagoTeam, "Chi Player");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var list = await client.GetAsync($"/api/teams/{chicagoTeam}/players");
        var add = await client.PostAsJsonAsync($"/api/teams/{chicagoTeam}/players", new { name = "Sneaky" });
        var edit = await client.PutAsJsonAsync($"/api/teams/{chicagoTeam}/players/{player}", new { name = "Renamed" });
        var remove = await client.DeleteAsync($"/api/teams/{chicagoTeam}/players/{player}");

        Assert.Multiple(async () =>
        {
            Assert.That(new[] { list.StatusCode, add.StatusCode, edit.StatusCode, remove.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await list.Content.ReadAsStringAsync(), Does.Not.Contain("Chi Player"));
            Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT string_agg(name, ',') FROM teams.players"), Is.EqualTo("Chi Player"));
        });
    }

    [Test]
    public async Task Roster_AsCityViewer_ReadsButCannotWrite()
    {
        var madisonTeam = (await world.TeamInAsync((await world.LeagueInAsync(world.Madison)).Id, "Badgers")).Id;
        var player = await AddAsync(madisonTeam, "Mad Player");
        using var client = world.Client(Persona.MadisonViewer);

        var list = await client.GetAsync($"/api/teams/{madisonTeam}/players");
        var add = await client.PostAsJsonAsync($"/api/teams/{madisonTeam}/players", new { name = "Viewer Added" });
        var remove = await client.DeleteAsync($"/api/teams/{madisonTeam}/players/{player}");

        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task UpdatePlayer_FromStaleVersion_412AndFirstEditSurvives()
    {
        var player = await AddAsync(team, "Original");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var first = await client.PutAsJsonAsync($"/api/teams/{team}/players/{player}", new { name = "First Edit", version = 1 });
        var second = await client.PutAsJsonAsync($"/api/teams/{team}/players/{player}", new { name = "Second Edit", version = 1 });
        var byHeader = new HttpRequestMessage(HttpMethod.Put, $"/api/teams/{team}/players/{player}") { Content = JsonContent.Create(new { name = "Third Edit" }) };
        byHeader.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var third = await client.SendAsync(byHeader);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(second.Headers.ETag?.Tag, Is.EqualTo("\"2\""), "the 412 names the current version");
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT name FROM teams.players WHERE id = $1", player), Is.EqualTo("First Edit"));
        });
    }

    [Test]
    public async Task RemovePlayer_StaleIfMatch_412ThenCurrent_204()
    {
        var player = await AddAsync(team, "Leaving Soon");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PutAsJsonAsync($"/api/teams/{team}/players/{player}", new { name = "Renamed First" });

        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/teams/{team}/players/{player}");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var refused = await client.SendAsync(stale);
        var current = new HttpRequestMessage(HttpMethod.Delete, $"/api/teams/{team}/players/{player}");
        current.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        var removed = await client.SendAsync(current);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players"), Is.Zero);
        });
    }

    [Test]
    public async Task UpdatePlayer_OfAnotherTeam_404()
    {
        var otherTeam = (await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee, "Other League")).Id, "Herons")).Id;
        var player = await AddAsync(otherTeam, "Heron Player");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PutAsJsonAsync($"/api/teams/{team}/players/{player}", new { name = "Moved" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DeleteTeam_RemovesItsRoster()
    {
        await AddAsync(team, "On The Team");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.DeleteAsync($"/api/teams/{team}");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players"), Is.Zero);
        });
    }

    [Test]
    public async Task PlayerContacts_NeverInTheTeamExport()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PostAsJsonAsync($"/api/teams/{team}/players", new { name = "Private Person", email = "private.person@example.org", phone = "414-555-0177" });

        var export = await client.GetStringAsync("/api/teams/export.csv");

        Assert.That(export, Does.Not.Contain("private.person@example.org").And.Not.Contain("414-555-0177"));
    }

    private static async Task<Guid> AddAsync(Guid teamId, string name) =>
        (await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.AddPlayer(teamId, new(name, null, null)))).Id;

    private static async Task<Dictionary<string, JsonElement>> ErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }
}
