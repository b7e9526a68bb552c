using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The filters the admin lists and pickers use (issue 13): running leagues, a team's season; validated, and always within the caller's cities.</summary>
public sealed class ListFiltersApiTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        await LeagueAsync(world.Milwaukee, "Running Kickball", 2026, SeasonTerm.Fall, LeagueStatus.Active, ["Kick Start", "Base Invaders"]);
        await LeagueAsync(world.Milwaukee, "Signing Up Kickball", 2026, SeasonTerm.Fall, LeagueStatus.Registration, []);
        await LeagueAsync(world.Milwaukee, "Done Kickball", 2025, SeasonTerm.Spring, LeagueStatus.Completed, ["Old Timers"]);
        await LeagueAsync(world.Milwaukee, "Shelved Kickball", 2024, SeasonTerm.Fall, LeagueStatus.Archived, []);
        await LeagueAsync(world.Chicago, "Chicago Running Bowling", 2026, SeasonTerm.Fall, LeagueStatus.Active, ["Pin Pals"]);
        await LeagueAsync(world.Chicago, "Chicago Done Bowling", 2025, SeasonTerm.Spring, LeagueStatus.Completed, ["Gutter Gang"]);
    }

    [Test]
    public async Task ListLeagues_CurrentTrueOrFalse_SplitsRunningFromFinished()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var running = await client.GetFromJsonAsync<JsonElement>($"/api/leagues?cityId={world.Milwaukee}&current=true");
        var finished = await client.GetFromJsonAsync<JsonElement>($"/api/leagues?cityId={world.Milwaukee}&current=false");

        Assert.Multiple(() =>
        {
            Assert.That(Names(running), Is.EquivalentTo(new[] { "Running Kickball", "Signing Up Kickball" }));
            Assert.That(Names(finished), Is.EquivalentTo(new[] { "Done Kickball", "Shelved Kickball" }));
        });
    }

    [Test]
    public async Task ListLeagues_CurrentNotABoolean_400NamingCurrent()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync("/api/leagues?current=maybe");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "current" }));
        });
    }

    [Test]
    public async Task ListLeagues_CityAdminFilteringForAnotherCity_SeesNoneOfItsLeagues()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var theirs = await client.GetFromJsonAsync<JsonElement>($"/api/leagues?cityId={world.Chicago}&current=true");
        var finished = await client.GetFromJsonAsync<JsonElement>("/api/leagues?current=false&q=Bowling");

        Assert.Multiple(() =>
        {
            Assert.That(Names(theirs), Is.Empty);
            Assert.That(theirs.GetProperty("totalCount").GetInt64(), Is.Zero);
            Assert.That(Names(finished), Is.Empty, "Chicago's completed league stays out of a Milwaukee admin's search");
        });
    }

    [Test]
    public async Task ListTeams_Season_OnlyThatSeasonsTeamsAndTheExportAgrees()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var fall = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?season=Fall%202026");
        var spring = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?season=spring%202025&cityId=" + world.Milwaukee);
        var csv = await client.GetStringAsync("/api/teams/export.csv?season=Spring%202025");

        Assert.Multiple(() =>
        {
            Assert.That(fall!.Items.Select(t => t.Name), Is.EquivalentTo(new[] { "Kick Start", "Base Invaders", "Pin Pals" }));
            Assert.That(fall.Items.Select(t => t.Season), Is.All.EqualTo("Fall 2026"));
            Assert.That(spring!.Items.Select(t => t.Name), Is.EqualTo(new[] { "Old Timers" }));
            Assert.That(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0].Trim('"')), Is.EquivalentTo(new[] { "Gutter Gang", "Old Timers" }));
        });
    }

    [TestCase("Autumn 2026")]
    [TestCase("Fall")]
    [TestCase("2026 Fall")]
    [TestCase("Fall 1850")]
    public async Task ListTeams_SeasonNotATermAndAYear_400NamingSeason(string season)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync("/api/teams?season=" + Uri.EscapeDataString(season));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "season" }));
        });
    }

    [Test]
    public async Task ListTeams_CityAdminFilteringBySeasonAndAnotherCity_SeesNoneOfItsTeams()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var chicago = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?season=Fall%202026&cityId={world.Chicago}");
        var fall = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?season=Fall%202026");

        Assert.Multiple(() =>
        {
            Assert.That(chicago!.Items, Is.Empty);
            Assert.That(chicago.TotalCount, Is.Zero);
            Assert.That(fall!.Items.Select(t => t.Name), Is.EquivalentTo(new[] { "Kick Start", "Base Invaders" }), "Chicago's Pin Pals stay out");
        });
    }

    private static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("name").GetString()!);

    private static async Task LeagueAsync(Guid city, string name, int year, SeasonTerm term, LeagueStatus status, string[] teams)
    {
        var league = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(name, "Kickball", city, year, term, DayOfWeek.Tuesday, "Recreational", LeagueStatus.Active)));
        foreach (var team in teams)
        {
            await World.SendAsSystemAsync(new CreateTeam(new TeamFields(team, league.Id, null, "Casey Captain", null, null, 10, TeamStatus.Active)));
        }

        if (status != LeagueStatus.Active)
        {
            await World.SendAsSystemAsync(new UpdateLeague(league.Id, new LeagueFields(name, "Kickball", city, year, term, DayOfWeek.Tuesday, "Recreational", status)));
        }
    }
}
