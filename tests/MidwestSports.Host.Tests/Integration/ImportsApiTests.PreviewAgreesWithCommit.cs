using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Rows the owning module would refuse at commit are error rows in the preview, so that a commit of the valid rows never
/// fails on what the preview accepted: a rename to a name the league already has, a kept sponsor that stopped
/// sponsoring, an email with two @, a second captain kept by a blank cell, a game in the year 9999.
/// </summary>
public sealed partial class ImportsApiTests
{
    [Test]
    public async Task Preview_TeamRowsTheTeamsModuleWouldRefuse_AreErrorRows_AndTheValidRowsCommit()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        var lions = await world.TeamInAsync(league.Id, "Lions");
        await world.TeamInAsync(league.Id, "Bears");
        await world.TeamInAsync(league.Id, "Pumas", sponsor.Id);
        var otters = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        (await client.PostAsync($"/api/sponsors/{sponsor.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var csv = $"""
            Id,Team,League,Captain,Captain Email,Captain Phone
            {lions.Id},Bears,Tuesday Kickball,Casey Captain,casey@example.org,
            ,Pumas,Tuesday Kickball,Casey Captain,casey@example.org,414-555-0199
            ,Herons,Tuesday Kickball,Robin Heron,robin@heron@example.org,
            ,Otters,Tuesday Kickball,Casey Captain,casey@example.org,414-555-0123
            """;

        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));
        var rows = await ImportApi.RowsAsync(client, id);
        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "valid" });
        var committed = await World.ImportSettledAsync(id);
        var ottersAfter = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{otters.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("action").GetString())),
                Is.EqualTo(new[] { (2, "Error"), (3, "Error"), (4, "Error"), (5, "Update") }));
            Assert.That(Problem(rows[0]), Is.EqualTo((2, "Team", "Bears", "name_taken")));
            Assert.That(Problem(rows[1]), Is.EqualTo((3, "Sponsor", "Joe's Pub", "sponsor_inactive")), "Pumas keeps its sponsor, which no longer sponsors");
            Assert.That(Problem(rows[2]), Is.EqualTo((4, "Captain Email", "robin@heron@example.org", "invalid_email")));
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((committed.Status.ToString(), committed.Outcome?.Updated, committed.Outcome?.Skipped), Is.EqualTo(("Committed", (int?)1, (int?)3)), committed.Message);
            Assert.That(ottersAfter.GetProperty("captainPhone").GetString(), Is.EqualTo("414-555-0123"));
        });
    }

    [Test]
    public async Task Preview_TwoTeamsWhoseNamesDifferOnlyInPunctuation_EachRowMatchesItsOwn()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var apostrophe = await world.TeamInAsync(league.Id, "Joe's Pub");
        var plain = await world.TeamInAsync(league.Id, "Joes Pub");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = $"""
            Id,Team,League,Captain Phone
            ,Joes Pub,Tuesday Kickball,414-555-0101
            {apostrophe.Id},JOE'S PUB,Tuesday Kickball,
            """;

        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));
        var rows = await ImportApi.RowsAsync(client, id);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (r.GetProperty("action").GetString(), r.GetProperty("targetId").GetGuid())),
                Is.EqualTo(new[] { ("Update", plain.Id), ("Update", apostrophe.Id) }), string.Join("\n", rows));
            Assert.That(rows[1].GetProperty("changes")[0].GetProperty("to").GetString(), Is.EqualTo("JOE'S PUB"), "a change of case the Teams module accepts");
        });
    }

    [Test]
    public async Task Preview_ACaptainRowAfterAnErrorRowNamingAnotherCaptain_IsAnUpdate()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await OttersCaptainedByPatWithSamAsync(client);
        var csv = """
            Team,League,Player,Email,Phone,Captain
            Otters,Tuesday Kickball,Sam Otter,sam@example.org,,
            Otters,Tuesday Kickball,Sam Otter,sam@example.org,,yes
            Otters,Tuesday Kickball,Pat Lee,pat@example.org,414-555-0101,
            """;

        var id = await IdAsync(await PostAsync(client, "rosters.csv", Encoding.UTF8.GetBytes(csv), "players", world.Milwaukee));
        var rows = await ImportApi.RowsAsync(client, id);

        Assert.That(rows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "Unchanged", "Error", "Update" }),
            "the duplicate row's captain is left out, so Pat's row keeping Pat captain is valid");
    }

    [Test]
    public async Task Preview_ACaptainKeptByABlankCellAndAnotherRowNamingOne_IsAnErrorRow_AndTheValidRowsCommit()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await OttersCaptainedByPatWithSamAsync(client);
        var csv = """
            Team,League,Player,Email,Phone,Captain
            Otters,Tuesday Kickball,Pat Lee,pat@example.org,414-555-0101,
            Otters,Tuesday Kickball,Sam Otter,sam@example.org,,yes
            """;

        var id = await IdAsync(await PostAsync(client, "rosters.csv", Encoding.UTF8.GetBytes(csv), "players", world.Milwaukee));
        var rows = await ImportApi.RowsAsync(client, id);
        await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "valid" });
        var committed = await World.ImportSettledAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "Update", "Error" }));
            Assert.That(Problem(rows[1]).Item4, Is.EqualTo("second_captain"));
            Assert.That(rows[1].GetProperty("problems")[0].GetProperty("message").GetString(), Does.Contain("Line 2").And.Contain("blank Captain cell"));
            Assert.That((committed.Status.ToString(), committed.Outcome?.Updated), Is.EqualTo(("Committed", (int?)1)), committed.Message);
        });
    }

    /// <summary>Otters of Tuesday Kickball in Milwaukee: Pat Lee its captain, Sam Otter a player.</summary>
    private async Task OttersCaptainedByPatWithSamAsync(HttpClient client)
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var otters = await world.TeamInAsync(league.Id, "Otters");
        (await client.PostAsJsonAsync($"/api/teams/{otters.Id}/players", new { name = "Pat Lee", email = "pat@example.org", isCaptain = true })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/teams/{otters.Id}/players", new { name = "Sam Otter", email = "sam@example.org", isCaptain = false })).EnsureSuccessStatusCode();
    }
}
