using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// No lost update: an edit names the version it starts from (body <c>version</c> or If-Match) and a stale one is
/// refused with 412, whatever the order or timing of the saves.
/// </summary>
public sealed class OptimisticConcurrencyTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task PutTeam_TwoEditsFromOneVersion_SecondIs412AndFirstSurvives()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var first = await client.PutAsJsonAsync($"/api/teams/{team.Id}", TeamBody(league.Id, "Otters", "First Captain", team.Version));
        var second = await client.PutAsJsonAsync($"/api/teams/{team.Id}", TeamBody(league.Id, "Otters", "Second Captain", team.Version));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo($"\"{team.Version + 1}\""));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), await second.Content.ReadAsStringAsync());
        Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(second.Headers.ETag?.Tag, Is.EqualTo($"\"{team.Version + 1}\""), "the 412 says which version is current");
        Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT captain_name FROM teams.teams WHERE id = $1", team.Id), Is.EqualTo("First Captain"));
    }

    [Test]
    public async Task PutTeam_TwentyParallelEditsFromOneVersion_ExactlyOneSucceeds()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/teams/{team.Id}") { Content = JsonContent.Create(TeamBody(league.Id, "Otters", $"Captain {i}", null)) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{team.Version}\""));
            return client.SendAsync(request);
        }));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Where(s => s != 200), Is.All.EqualTo(412), string.Join(",", statuses));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT version FROM teams.teams WHERE id = $1", team.Id), Is.EqualTo(team.Version + 1));
    }

    [Test]
    public async Task Get_EditableResource_CarriesItsVersionAsETag()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        foreach (var (path, version) in new[] { ($"/api/teams/{team.Id}", team.Version), ($"/api/leagues/{league.Id}", league.Version), ($"/api/sponsors/{sponsor.Id}", sponsor.Version), ($"/api/cities/{world.Milwaukee}", 1L) })
        {
            var response = await client.GetAsync(path);
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{version}\""), path);
        }
    }

    [Test]
    public async Task DeleteTeam_StaleIfMatch_412AndTeamStays()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.PutAsJsonAsync($"/api/teams/{team.Id}", TeamBody(league.Id, "Otters", "Someone Else", null));
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/teams/{team.Id}");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{team.Version}\""));

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams WHERE id = $1", team.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task PutLeague_StaleBodyVersion_412AndLeagueUnchanged()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var body = new { name = "Renamed", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Rec", status = "Active", version = league.Version };
        await client.PutAsJsonAsync($"/api/leagues/{league.Id}", body);

        var stale = await client.PutAsJsonAsync($"/api/leagues/{league.Id}", body with { name = "Renamed Again" });

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await Database.Postgres.ScalarAsync<string>("SELECT name FROM leagues.leagues WHERE id = $1", league.Id), Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task PutSponsorAndCity_StaleIfMatch_412()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        using var system = world.Client(Persona.SystemAdmin);

        var sponsorPut = new HttpRequestMessage(HttpMethod.Put, $"/api/sponsors/{sponsor.Id}")
        {
            Content = JsonContent.Create(new { name = "Joe's", cityIds = new[] { world.Milwaukee } }),
        };
        sponsorPut.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));
        var cityPut = new HttpRequestMessage(HttpMethod.Put, $"/api/cities/{world.Milwaukee}")
        {
            Content = JsonContent.Create(new { name = "Milwaukee", state = "WI", timeZone = "America/Chicago" }),
        };
        cityPut.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));

        Assert.That((await admin.SendAsync(sponsorPut)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await system.SendAsync(cityPut)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task Put_UnreadableIfMatch_400NamingIt()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/teams/{team.Id}") { Content = JsonContent.Create(TeamBody(league.Id, "Otters", "C", null)) };
        request.Headers.TryAddWithoutValidation("If-Match", "version seven");

        var response = await client.SendAsync(request);

        await InputRulesTests.AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, "If-Match");
    }

    [Test]
    public async Task PutTeam_NoVersionGiven_SavesUnconditionally()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PutAsJsonAsync($"/api/teams/{team.Id}", TeamBody(league.Id, "Otters", "New Captain", null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("version").GetInt64(), Is.EqualTo(team.Version + 1));
    }

    private static Dictionary<string, object?> TeamBody(Guid leagueId, string name, string captain, long? version) => new()
    {
        ["name"] = name, ["leagueId"] = leagueId, ["captainName"] = captain, ["rosterSize"] = 12, ["status"] = "Active", ["version"] = version,
    };
}
