using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

public sealed class LeaguesApiTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Post_InvalidLeague_400NamingEachFieldAndSavesNothing()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsJsonAsync("/api/leagues", new
        {
            name = "",
            sport = "Quidditch",
            cityId = world.Milwaukee,
            seasonYear = 1850,
            term = "Fall",
            night = "Tuesday",
            level = "",
            status = "Active",
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "sport", "seasonYear", "level" }));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues"), Is.Zero);
        });
    }

    [Test]
    public async Task Post_UnknownEnumValue_400()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsJsonAsync("/api/leagues", new { name = "X", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Monsoon", night = "Tuesday", level = "Rec", status = "Active" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task List_SortFilterPage_ServesTheRequestedSlice()
    {
        foreach (var name in new[] { "Bravo Bowling", "alpha Kickball", "Charlie Kickball" })
        {
            await world.LeagueInAsync(world.Milwaukee, name);
        }

        await world.LeagueInAsync(world.Chicago, "Delta Kickball");
        using var client = world.Client(Persona.SystemAdmin);

        var byName = await client.GetFromJsonAsync<JsonElement>($"/api/leagues?cityId={world.Milwaukee}&sort=-name&pageSize=2");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/leagues?q=CHARLIE");
        var byCity = await client.GetFromJsonAsync<JsonElement>("/api/leagues?sort=cityName");

        Assert.Multiple(() =>
        {
            Assert.That(Names(byName), Is.EqualTo(new[] { "Charlie Kickball", "Bravo Bowling" }));
            Assert.That(byName.GetProperty("totalCount").GetInt64(), Is.EqualTo(3));
            Assert.That(Names(search), Is.EqualTo(new[] { "Charlie Kickball" }));
            Assert.That(Names(byCity), Is.EqualTo(new[] { "Delta Kickball", "alpha Kickball", "Bravo Bowling", "Charlie Kickball" }), "city, then name ignoring case");
        });
    }

    [Test]
    public async Task Put_SameNameAsAnotherLeagueInSeason_409()
    {
        await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball");
        var other = await world.LeagueInAsync(world.Milwaukee, "Thursday Kickball");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PutAsJsonAsync($"/api/leagues/{other.Id}", new { name = "TUESDAY KICKBALL", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Update_ByCityAdmin_IsAuditedWithWhoAndOldAndNewValues()
    {
        var league = await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        await client.PutAsJsonAsync($"/api/leagues/{league.Id}", new { name = "Tuesday Kickball Plus", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active" });
        var entries = await client.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=League&entityId={league.Id}");
        var update = entries.EnumerateArray().First(e => e.GetProperty("action").GetString() == "Updated");
        using var changes = JsonDocument.Parse(update.GetProperty("changes").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(update.GetProperty("actor").GetString(), Is.EqualTo(World.Email(Persona.MilwaukeeAdmin)));
            Assert.That(update.GetProperty("userId").GetGuid(), Is.EqualTo(world.UserId(Persona.MilwaukeeAdmin)));
            Assert.That(changes.RootElement.GetProperty("Name").GetProperty("old").GetString(), Is.EqualTo("Tuesday Kickball"));
            Assert.That(changes.RootElement.GetProperty("Name").GetProperty("new").GetString(), Is.EqualTo("Tuesday Kickball Plus"));
            Assert.That(changes.RootElement.TryGetProperty("Sport", out _), Is.False, "only changed values");
        });
    }

    [Test]
    public async Task Audit_CityAdmin_SeesOnlyEntriesOfTheirCities()
    {
        await world.LeagueInAsync(world.Milwaukee, "Milwaukee League");
        await world.LeagueInAsync(world.Chicago, "Chicago League");
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var admin = world.Client(Persona.SystemAdmin);
        // A user change of this test's own: the identity audit log outlives the per-test reset, so older entries are not evidence.
        (await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"audited-{Guid.NewGuid():N}@test.example.org", displayName = "Audited", password = World.Password, role = "CityAdmin", cityIds = new[] { world.Chicago },
        })).EnsureSuccessStatusCode();

        var mine = await milwaukee.GetFromJsonAsync<JsonElement>("/api/audit?limit=200");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/audit?limit=200");

        Assert.Multiple(() =>
        {
            Assert.That(mine.EnumerateArray().Select(e => e.GetProperty("cityId").GetString()), Is.All.EqualTo(world.Milwaukee.ToString()));
            Assert.That(mine.EnumerateArray().Count(), Is.GreaterThan(0));
            Assert.That(all.EnumerateArray().Select(e => e.GetProperty("cityId").GetString()), Does.Contain(world.Chicago.ToString()));
            Assert.That(all.EnumerateArray().Any(e => e.GetProperty("entityType").GetString() == "User"), Is.True, "user changes are audited too");
        });
    }

    [Test]
    public async Task Archive_League_IsKeptAsArchivedAndPublished()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.DeleteAsync($"/api/leagues/{league.Id}");
        var replica = await Database.Postgres.ScalarAsync<bool>("SELECT archived FROM teams.league_names WHERE league_id = $1", league.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT status FROM leagues.leagues WHERE id = $1", league.Id), Is.EqualTo("Archived"));
            Assert.That(replica, Is.True, "Teams heard of it");
        });
    }

    private static string[] Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
}
