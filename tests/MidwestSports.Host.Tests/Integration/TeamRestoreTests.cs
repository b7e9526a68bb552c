using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>A deleted team can be restored (issue 13): the same team and roster, back in the listing and in every module.</summary>
public sealed class TeamRestoreTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Restore_AfterDelete_SameTeamAndRosterBackInListing()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Lucky Moose Tavern");
        var team = await World.SendAsSystemAsync(new CreateTeam(new TeamFields("Hazy Sliders", league.Id, sponsor.Id, "Casey Captain", "casey@example.org", "414-555-0102", 14, TeamStatus.Withdrawn)));
        await World.SendAsSystemAsync(new AddPlayer(team.Id, new PlayerFields("Alex Zed", "alex@example.org", "0414 555 0100", IsCaptain: true)));
        await World.SendAsSystemAsync(new AddPlayer(team.Id, new PlayerFields("Robin Young", null, null)));
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{team.Id}");
        var rosterBefore = await client.GetStringAsync($"/api/teams/{team.Id}/players");

        var deleted = await client.DeleteAsync($"/api/teams/{team.Id}");
        var goneGet = await client.GetAsync($"/api/teams/{team.Id}");
        var goneListing = await ListedNamesAsync(client);
        var restored = await client.PostAsync($"/api/teams/{team.Id}/restore", null);
        var body = await restored.Content.ReadFromJsonAsync<JsonElement>();
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{team.Id}");
        var rosterAfter = await client.GetStringAsync($"/api/teams/{team.Id}/players");
        var listing = await client.GetFromJsonAsync<JsonElement>("/api/teams/?name=Hazy");

        Assert.Multiple(async () =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(goneGet.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a deleted team is gone for GET, as before");
            Assert.That(goneListing, Does.Not.Contain("Hazy Sliders"));
            Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(team.Id));
            Assert.That(body.GetProperty("version").GetInt64(), Is.EqualTo(team.Version + 2), "past the version its deletion was published with");
            Assert.That(restored.Headers.ETag?.Tag, Is.EqualTo($"\"{team.Version + 2}\""));
            Assert.That(WithoutVersion(after), Is.EqualTo(WithoutVersion(before)), "every field as before the delete");
            Assert.That(rosterAfter, Is.EqualTo(rosterBefore), "the roster as before, players' ids and versions included");
            Assert.That(listing.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("sponsorName").GetString())),
                Is.EqualTo(new[] { (team.Id, (string?)"Lucky Moose Tavern") }));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.deleted_teams"), Is.Zero);
            Assert.That(
                await Database.Postgres.ScalarAsync<string>("SELECT string_agg(action || ':' || coalesce(reason, ''), '|' ORDER BY occurred_at) FROM teams.audit_log WHERE entity_type = 'Team' AND entity_id = $1", team.Id.ToString()),
                Is.EqualTo("Created:|Deleted:|Created:restored after it was deleted"));
        });
    }

    [Test]
    public async Task Restore_TeamWithScheduledGames_BackInLeaguesAndOnThePublicSite()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        var teamId = season.TeamIds[3];
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        using var anonymous = world.Client(Persona.Anonymous);
        var publicBefore = await anonymous.GetFromJsonAsync<JsonElement>($"/public/v1/teams/{teamId}");
        await admin.DeleteAsync($"/api/teams/{teamId}");
        var gone = await Probe.UntilAsync(() => anonymous.GetAsync($"/public/v1/teams/{teamId}"), r => r.StatusCode == HttpStatusCode.Gone);

        var restored = await admin.PostAsync($"/api/teams/{teamId}/restore", null);
        var back = await Probe.UntilAsync(() => anonymous.GetAsync($"/public/v1/teams/{teamId}"), r => r.StatusCode == HttpStatusCode.OK);
        var publicAfter = await back.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the public site shows the team again");
            Assert.That(publicAfter.GetProperty("games").GetArrayLength(), Is.EqualTo(publicBefore.GetProperty("games").GetArrayLength()).And.GreaterThan(0), "its scheduled games are its own again");
            Assert.That(await Database.Postgres.ScalarAsync<bool>("SELECT deleted FROM leagues.league_teams WHERE team_id = $1", teamId), Is.False);
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.games WHERE home_team_id = $1 OR away_team_id = $1", teamId), Is.EqualTo(season.Games.Count(g => g.HomeTeamId == teamId || g.AwayTeamId == teamId)));
        });
    }

    [Test]
    public async Task Restore_UnknownOrNeverDeleted_404()
    {
        var team = await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee)).Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var unknown = await client.PostAsync($"/api/teams/{Guid.NewGuid()}/restore", null);
        var live = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(async () =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a team that was never deleted has nothing to restore");
            Assert.That((await client.GetFromJsonAsync<JsonElement>($"/api/teams/{team.Id}")).GetProperty("version").GetInt64(), Is.EqualTo(team.Version));
        });
    }

    [Test]
    public async Task Restore_AnotherCitysTeam_404AndNothingOfIt()
    {
        var team = await world.TeamInAsync((await world.LeagueInAsync(world.Chicago)).Id, "Windy Otters");
        await World.SendAsSystemAsync(new DeleteTeam(team.Id));
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Windy Otters"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.deleted_teams WHERE team_id = $1", team.Id), Is.EqualTo(1), "still restorable by its own city");
        });
    }

    [Test]
    public async Task Restore_AsViewerOfItsCity_403()
    {
        var team = await world.TeamInAsync((await world.LeagueInAsync(world.Madison)).Id, "Badger Otters");
        await World.SendAsSystemAsync(new DeleteTeam(team.Id));
        using var client = world.Client(Persona.MadisonViewer);

        var response = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams WHERE id = $1", team.Id), Is.Zero);
        });
    }

    [Test]
    public async Task Restore_NameTakenSince_409NamingName()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.DeleteAsync($"/api/teams/{team.Id}");
        await world.TeamInAsync(league.Id, "OTTERS");

        var response = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await ErrorsAsync(response), Does.ContainKey("name"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.deleted_teams WHERE team_id = $1", team.Id), Is.EqualTo(1), "still restorable once the name is free");
        });
    }

    [Test]
    public async Task Restore_LeagueArchivedSince_400NamingLeagueId()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var team = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.DeleteAsync($"/api/teams/{team.Id}");
        await World.SendAsSystemAsync(new ArchiveLeague(league.Id));

        var response = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorsAsync(response), Does.ContainKey("leagueId"));
        });
    }

    [Test]
    public async Task Restore_SponsorDeactivatedSince_RestoresWithoutSponsor()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Lucky Moose Tavern");
        var team = await world.TeamInAsync(league.Id, "Otters", sponsor.Id);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.DeleteAsync($"/api/teams/{team.Id}");
        await World.SendAsSystemAsync(new DeactivateSponsor(sponsor.Id));

        var response = await client.PostAsync($"/api/teams/{team.Id}/restore", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listing = await client.GetFromJsonAsync<JsonElement>("/api/teams/?name=Otters");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("sponsorId").ValueKind, Is.EqualTo(JsonValueKind.Null), "an inactive sponsor cannot sponsor the restored team");
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Otters"));
            Assert.That(listing.GetProperty("items")[0].GetProperty("sponsorName").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Restore_Twice_SecondIs404()
    {
        var team = await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee)).Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await client.DeleteAsync($"/api/teams/{team.Id}");

        var first = await client.PostAsync($"/api/teams/{team.Id}/restore", null);
        var second = await client.PostAsync($"/api/teams/{team.Id}/restore", null);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static IReadOnlyList<string> WithoutVersion(JsonElement team) =>
        [.. team.EnumerateObject().Where(p => p.Name != "version").Select(p => $"{p.Name}={p.Value.GetRawText()}")];

    private static async Task<IReadOnlyList<string?>> ListedNamesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/teams/")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString())];

    private static async Task<Dictionary<string, JsonElement>> ErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }
}
