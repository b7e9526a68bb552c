using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Issue 8's bad-input findings, one test each: every case answers a clear 400 or 409 naming the field, never a 500,
/// and stores nothing.
/// </summary>
public sealed class InputRulesTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [TestCase("/api/leagues")]
    [TestCase("/api/sponsors")]
    [TestCase("/api/teams")]
    [TestCase("/api/cities")]
    [TestCase("/api/venues")]
    public async Task Post_NulInName_400NamingItAndStoresNothing(string path)
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.SystemAdmin);
        var before = await FingerprintAsync();
        object body = path switch
        {
            "/api/leagues" => new { name = "Meta\u0000N", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Rec", status = "Active" },
            "/api/sponsors" => new { name = "Joe's\u0000Pub", cityIds = new[] { world.Milwaukee } },
            "/api/teams" => new { name = "Otters\u0000", leagueId = league.Id, captainName = "Casey", rosterSize = 10, status = "Active" },
            "/api/cities" => new { name = "Green\u0000Bay", state = "WI", timeZone = "America/Chicago" },
            _ => new { cityId = world.Milwaukee, name = "Park\u0000", address = "1 Main St", fields = new[] { "Field 1" } },
        };

        var response = await client.PostAsJsonAsync(path, body);

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.That(await FingerprintAsync(), Is.EqualTo(before), "nothing stored");
    }

    [Test]
    public async Task Login_NulInEmail_400NotServerError()
    {
        using var client = world.Client(Persona.Anonymous);

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin\u0000@example.org", password = "x" });

        Assert.That((int)response.StatusCode, Is.EqualTo(400), await response.Content.ReadAsStringAsync());
    }

    [TestCase("/api/leagues?q=a%00b", "q")]
    [TestCase("/api/sponsors?q=%00", "q")]
    [TestCase("/api/teams?sponsorName=x%00", "sponsorName")]
    [TestCase("/api/leagues?page=99999999", "page")]
    [TestCase("/api/sponsors?page=99999999", "page")]
    [TestCase("/api/teams?page=99999999", "page")]
    [TestCase("/api/leagues?page=abc", "page")]
    [TestCase("/api/sponsors?cityId=not-a-guid", "cityId")]
    public async Task Get_BadQueryValue_400NamingTheParameter(string path, string field)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var response = await client.GetAsync(path);

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task PostCity_WithoutTimeZone_400NamingTimeZone()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var response = await client.PostAsJsonAsync("/api/cities", new { name = "Green Bay", state = "WI" });

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "timeZone");
    }

    [Test]
    public async Task PostLeague_SameNameInAnotherCase_409NamingNameAndOneRowStays()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var first = await client.PostAsJsonAsync("/api/leagues", League("Meta 100% N"));

        var second = await client.PostAsJsonAsync("/api/leagues", League("META 100% N"));
        var third = await client.PostAsJsonAsync("/api/leagues", League("  meta 100% n "));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await AssertFieldErrorAsync(second, HttpStatusCode.Conflict, "name");
        await AssertFieldErrorAsync(third, HttpStatusCode.Conflict, "name");
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues"), Is.EqualTo(1));
    }

    [Test]
    public async Task PostCity_TenAtOnceWithOneName_OneCreatedTheRest409()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.PostAsJsonAsync("/api/cities", new { name = i % 2 == 0 ? "Green Bay" : "GREEN BAY", state = "WI", timeZone = "America/Chicago" })));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.cities WHERE lower(name) = 'green bay'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Search_WildcardCharacters_MatchLiterally()
    {
        await world.LeagueInAsync(world.Milwaukee, "Meta 100% N");
        await world.LeagueInAsync(world.Milwaukee, "Meta 1000 N");
        await world.LeagueInAsync(world.Milwaukee, "Under_score");
        await world.LeagueInAsync(world.Milwaukee, "Underxscore");
        await world.LeagueInAsync(world.Milwaukee, @"Back\slash");
        await world.SponsorInAsync(world.Milwaukee, "100% Juice");
        await world.SponsorInAsync(world.Milwaukee, "1000 Lakes");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var percent = await client.GetFromJsonAsync<JsonElement>("/api/leagues?q=100%25");
        var underscore = await client.GetFromJsonAsync<JsonElement>("/api/leagues?q=r_s");
        var backslash = await client.GetFromJsonAsync<JsonElement>("/api/leagues?q=k%5Cs");
        var sponsors = await client.GetFromJsonAsync<JsonElement>("/api/sponsors?q=100%25");

        Assert.Multiple(() =>
        {
            Assert.That(Names(percent), Is.EqualTo(new[] { "Meta 100% N" }));
            Assert.That(Names(underscore), Is.EqualTo(new[] { "Under_score" }));
            Assert.That(Names(backslash), Is.EqualTo(new[] { @"Back\slash" }));
            Assert.That(Names(sponsors), Is.EqualTo(new[] { "100% Juice" }));
        });
    }

    [TestCase("\u200B\u200B\u200D")]
    [TestCase("\uFEFF \u2060")]
    [TestCase("Bell\u0007")]
    [TestCase("Tab\there")]
    [TestCase("   ")]
    public async Task PostLeague_InvisibleOrControlName_400NamingName(string name)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsJsonAsync("/api/leagues", League(name));

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues"), Is.Zero);
    }

    [Test]
    public async Task PostLeague_NameTooLongOnceTrimmed_400()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsJsonAsync("/api/leagues", League(new string('x', 121)));

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Test]
    public async Task PutLeague_WithoutStatus_400NamingStatusAndLeagueUnchanged()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PutAsJsonAsync($"/api/leagues/{league.Id}", new
        {
            name = "Renamed", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Rec",
        });

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "status");
        Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT status || ' ' || name FROM leagues.leagues WHERE id = $1", league.Id), Is.EqualTo("Active Tuesday Kickball"));
    }

    [Test]
    public async Task PostUser_WithoutRole_400NamingRole()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var response = await client.PostAsJsonAsync("/api/users", new { email = "new.viewer@example.org", displayName = "New", password = World.Password, cityIds = new[] { world.Madison } });

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "role");
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = 'new.viewer@example.org'"), Is.Zero);
    }

    [Test]
    public async Task PostTeam_WrongTypesAndBadGuid_400NamingTheField()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var badGuid = await client.PostAsync("/api/teams", Json("""{"name":"Otters","leagueId":"not-a-guid","captainName":"C","rosterSize":10,"status":"Active"}"""));
        var badNumber = await client.PostAsync("/api/teams", Json("""{"name":"Otters","leagueId":"00000000-0000-0000-0000-000000000001","captainName":"C","rosterSize":1e40,"status":"Active"}"""));
        var notJson = await client.PostAsync("/api/teams", Json("""{"name": "Otters", """));
        var noBody = await client.PostAsync("/api/teams", Json(string.Empty));

        await AssertFieldErrorAsync(badGuid, HttpStatusCode.BadRequest, "leagueId");
        await AssertFieldErrorAsync(badNumber, HttpStatusCode.BadRequest, "rosterSize");
        Assert.That((int)notJson.StatusCode, Is.EqualTo(400));
        Assert.That((int)noBody.StatusCode, Is.EqualTo(400));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams"), Is.Zero);
    }

    [Test]
    public async Task MoveGame_ToTheYear9999_400NamingDateAndGameStays()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "Humboldt Park", "3000 S Howell Ave", ["Field 1"])));
        foreach (var i in Enumerable.Range(1, 4))
        {
            await world.TeamInAsync(league.Id, $"Team {i}");
        }

        await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(venue.Id, "Field 1", new TimeOnly(18, 0), 60), new SlotFields(venue.Id, "Field 1", new TimeOnly(19, 0), 60)]));
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        start = start.AddDays(((int)DayOfWeek.Tuesday - (int)start.DayOfWeek + 7) % 7);
        await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Single, start, 3, Commit: true));
        var game = (await World.SendAsSystemAsync(new ListGames(league.Id)))[0];
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PutAsJsonAsync($"/api/games/{game.Id}", new { date = "9999-12-31", start = "18:00", venueId = venue.Id, field = "Field 1" });

        await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "date");
        Assert.That(await Database.Postgres.ScalarAsync<DateOnly>("SELECT date FROM leagues.games WHERE id = $1", game.Id), Is.EqualTo(game.Date));
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        using var body = JsonDocument.Parse(text);
        Assert.That(body.RootElement.TryGetProperty("errors", out var errors), Is.True, text);
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Does.Contain(field), text);
    }

    private object League(string name) =>
        new { name, sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Rec", status = "Active" };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string[] Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    /// <summary>Row counts and versions of every module table: equal before and after means nothing was stored.</summary>
    private static async Task<string?> FingerprintAsync() =>
        await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(t, ',' ORDER BY t) FROM (
              SELECT 'leagues:' || count(*) AS t FROM leagues.leagues UNION ALL SELECT 'cities:' || count(*) FROM leagues.cities
              UNION ALL SELECT 'venues:' || count(*) FROM leagues.venues UNION ALL SELECT 'teams:' || count(*) FROM teams.teams
              UNION ALL SELECT 'sponsors:' || count(*) FROM sponsors.sponsors) x
            """);
}
