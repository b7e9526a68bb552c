using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The public read API (/public/v1) as a website calls it: anonymous, published leagues only, cached, and never stale after a change.</summary>
public sealed partial class PublicApiTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Anonymous_ReadsAPublishedLeagueEverywhere_WhileAdminEndpointsStillNeedSignIn()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Lakefront Brewery");
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee, sponsorId: sponsor.Id);
        using var client = world.Client(Persona.Anonymous);

        var cities = await GetJsonAsync(client, "/public/v1/cities");
        var leagues = await GetJsonAsync(client, "/public/v1/cities/milwaukee/leagues?season=Fall%202026&sport=kickball");
        var league = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}");
        var games = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/games");
        var standings = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/standings");
        var bracket = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/bracket");
        var team = await GetJsonAsync(client, $"/public/v1/teams/{season.TeamIds[0]}");
        var admin = await client.GetAsync("/api/leagues");
        var firstGame = games.GetProperty("games")[0];

        Assert.Multiple(() =>
        {
            Assert.That(cities.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("slug").GetString()), Is.EquivalentTo(new[] { "milwaukee", "chicago", "madison" }));
            Assert.That(leagues.GetProperty("leagues").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()), Is.EqualTo(new[] { season.LeagueId }));
            Assert.That(leagues.GetProperty("leagues")[0].GetProperty("season").GetString(), Is.EqualTo("Fall 2026"));
            Assert.That(league.GetProperty("teams").GetArrayLength(), Is.EqualTo(4));
            Assert.That(league.GetProperty("venues")[0].GetProperty("address").GetString(), Is.EqualTo("3000 S Howell Ave"));
            Assert.That(league.GetProperty("night").GetString(), Is.EqualTo("Tuesday"));
            Assert.That(games.GetProperty("games").GetArrayLength(), Is.EqualTo(6), "four teams meet once: six games");
            Assert.That(firstGame.GetProperty("start").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T18:30:00-0[56]:00$"), "local time with the city's offset");
            Assert.That(firstGame.GetProperty("status").GetString(), Is.EqualTo("Scheduled"));
            Assert.That(standings.GetProperty("rows").GetArrayLength(), Is.EqualTo(4));
            Assert.That(standings.GetProperty("ruleSet").GetString(), Is.EqualTo("standard"));
            Assert.That(bracket.GetProperty("matches").GetArrayLength(), Is.Zero);
            Assert.That(team.GetProperty("sponsor").GetProperty("name").GetString(), Is.EqualTo("Lakefront Brewery"));
            Assert.That(team.GetProperty("games").GetArrayLength(), Is.EqualTo(3));
            foreach (var payload in new[] { cities, leagues, league, games, standings, bracket, team })
            {
                Assert.That(payload.TryGetProperty("updatedAt", out var at) && at.GetDateTimeOffset() > DateTimeOffset.UnixEpoch, Is.True, "every payload says when it last changed");
            }

            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the admin API still needs a sign-in");
        });
    }

    [Test]
    public async Task DraftArchivedAndHiddenLeagues_AndEverythingUnderThem_Are404()
    {
        var draft = await PublicSeason.CreateAsync(world, world.Milwaukee, "Draft League", status: LeagueStatus.Draft);
        var archived = await PublicSeason.CreateAsync(world, world.Milwaukee, "Old League");
        var hidden = await PublicSeason.CreateAsync(world, world.Milwaukee, "Hidden League");
        await World.SendAsSystemAsync(new ArchiveLeague(archived.LeagueId));
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var hide = await admin.PutAsJsonAsync($"/api/leagues/{hidden.LeagueId}", new
        {
            name = "Hidden League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active", publicVisible = false,
        });
        using var client = world.Client(Persona.Anonymous);
        var list = await GetJsonAsync(client, "/public/v1/cities/milwaukee/leagues");

        Assert.That(hide.StatusCode, Is.EqualTo(HttpStatusCode.OK), await hide.Content.ReadAsStringAsync());
        foreach (var season in new[] { draft, archived, hidden })
        {
            foreach (var path in new[]
            {
                $"/public/v1/leagues/{season.LeagueId}", $"/public/v1/leagues/{season.LeagueId}/games", $"/public/v1/leagues/{season.LeagueId}/standings",
                $"/public/v1/leagues/{season.LeagueId}/bracket", $"/public/v1/teams/{season.TeamIds[0]}", $"/public/v1/trivia/leagues/{season.LeagueId}/standings",
            })
            {
                var response = await client.GetAsync(path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), path);
            }
        }

        Assert.That(list.GetProperty("leagues").GetArrayLength(), Is.Zero, "no draft, archived or hidden league is listed");

        // Turned back on: public again, at once.
        var show = await admin.PutAsJsonAsync($"/api/leagues/{hidden.LeagueId}", new
        {
            name = "Hidden League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active", publicVisible = true,
        });
        Assert.That(show.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync($"/public/v1/leagues/{hidden.LeagueId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeletedTeam_Is410_AndUnknownTeam404()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        await World.SendAsSystemAsync(new DeleteTeam(season.TeamIds[3]));
        using var client = world.Client(Persona.Anonymous);

        var deleted = await client.GetAsync($"/public/v1/teams/{season.TeamIds[3]}");
        var unknown = await client.GetAsync($"/public/v1/teams/{Guid.NewGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [TestCase("/public/v1/leagues/not-a-guid", "id")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-13-01", "from")]
    [TestCase("/public/v1/leagues/{league}/games?from=11/24/2026", "from")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-03-01&to=2026-02-01", "to")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-01-01&to=2027-06-01", "to")]
    [TestCase("/public/v1/leagues/{league}/games?teamId=42", "teamId")]
    [TestCase("/public/v1/changes?since=not-a-token", "since")]
    [TestCase("/public/v1/changes?since=AQAAAAAAAAH", "since")]
    [TestCase("/public/v1/cities/milwaukee/leagues?season=Autumn%202026", "season")]
    [TestCase("/public/v1/teams/%20", "id")]
    public async Task MalformedInput_Is400NamingTheParameter(string path, string field)
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        using var client = world.Client(Persona.Anonymous);

        var response = await client.GetAsync(path.Replace("{league}", season.LeagueId.ToString(), StringComparison.Ordinal));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task UnknownIdsAre404_AndWritesAre405()
    {
        using var client = world.Client(Persona.Anonymous);

        var unknownLeague = await client.GetAsync($"/public/v1/leagues/{Guid.NewGuid()}/standings");
        var unknownCity = await client.GetAsync("/public/v1/cities/atlantis/leagues");
        var unknownPath = await client.GetAsync("/public/v1/nothing-here");
        var post = await client.PostAsJsonAsync("/public/v1/cities", new { name = "Atlantis" });

        Assert.Multiple(() =>
        {
            Assert.That(unknownLeague.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownCity.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(post.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD" }));
        });
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
