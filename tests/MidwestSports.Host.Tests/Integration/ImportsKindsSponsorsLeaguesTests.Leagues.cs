using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Leagues: city, name and season as the key, created off the public site, 409, undo, viewer.</summary>
public sealed partial class ImportsKindsSponsorsLeaguesTests
{
    /// <summary>Windows-1252, commas, quoted fields; seasons, nights and sports spelled as admins do.</summary>
    private const string LeaguesCsv = """
        League,Sport,City,Season,Night,Level,Status
        Tuesday Kickball,Kickball,Milwaukee,Fall 2026,Tuesdays,Recreational,Active
        "tuesday  kickball",kickball,MILWAUKEE ,2026 Fall,Tue,Recreational,Active
        Wednesday Softball,Softball,Milwaukee,Fall 2026,Wed,Competitive,Active
        Friday Skee-Ball,skee ball,Milwaukee,Fall 2026,Friday,"Social, Co-ed",Registration
        Loop Volleyball,Volleyball,Chicago,Fall 2026,Thursday,Recreational,Active
        Monday Bowlng,Bowling,Milwaukee,Fall 2026,Monday,Recreational,Draft
        Sunday Soccer,Soccer,Gotham,Fall 2026,Sunday,Recreational,Draft
        Saturday Cornhole,Cornhole,Milwaukee,Autumn 2026,Saturday,Recreational,Draft
        """;

    [Test]
    public async Task LeaguesImport_MessyFile_PreviewsEachRowAndChangesNothing()
    {
        await LeaguesWorldAsync();
        var bowling = await world.LeagueInAsync(world.Milwaukee, "Monday Bowling");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var id = await StartAsync(client, "leagues.csv", Encoding.GetEncoding(1252).GetBytes(LeaguesCsv), "leagues", null);
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var rows = await RowsAsync(client, id);

        Assert.Multiple(async () =>
        {
            Assert.That(import.GetProperty("status").GetString(), Is.EqualTo("Ready"), import.ToString());
            Assert.That(Counts(import), Is.EqualTo((2, 1, 1, 4)), import.ToString());
            Assert.That(rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("action").GetString())), Is.EqualTo(new[]
            {
                (2, "Unchanged"), (3, "Error"), (4, "Update"), (5, "Create"), (6, "Error"), (7, "Create"), (8, "Error"), (9, "Error"),
            }));
            Assert.That(rows.Where(r => r.GetProperty("action").GetString() == "Error").Select(Problem), Is.EqualTo(new[]
            {
                (3, "League", "tuesday  kickball", "duplicate_in_file"),
                (6, "City", "Chicago", "not_in_your_cities"),
                (8, "City", "Gotham", "city_not_found"),
                (9, "Season", "Autumn 2026", "invalid_season"),
            }));
            Assert.That(ErrorMessage(rows[4]), Is.EqualTo("Chicago is not in your cities."));
            var change = rows[2].GetProperty("changes").EnumerateArray().Single();
            Assert.That((change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()),
                Is.EqualTo(("level", "Recreational", "Competitive")));
            Assert.That(rows[5].GetProperty("suggestions").EnumerateArray().Single().GetProperty("targetId").GetGuid(), Is.EqualTo(bowling.Id), "a near match in the same city and season");
            Assert.That(await LeagueCountAsync(), Is.EqualTo(4), "a preview creates no league");
        });
    }

    [Test]
    public async Task LeaguesImport_CommitValidRows_CreatesOffThePublicSiteAndUpdates_AndASecondRunIsUnchanged()
    {
        await LeaguesWorldAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await StartAsync(client, "leagues.csv", Encoding.GetEncoding(1252).GetBytes(LeaguesCsv), "leagues", null);

        var (commit, committed) = await CommitAsync(client, id, "valid");
        var listed = await ItemsAsync(client, "/api/leagues?pageSize=100");
        var again = await StartAsync(client, "leagues.csv", Encoding.GetEncoding(1252).GetBytes(LeaguesCsv), "leagues", null);
        var rerun = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{again}");

        Assert.Multiple(async () =>
        {
            Assert.That(commit, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(committed.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Committed), committed.Message);
            Assert.That((committed.Outcome!.Created, committed.Outcome.Updated, committed.Outcome.Skipped), Is.EqualTo((2, 1, 4)));
            var skee = listed.Single(l => l.GetProperty("name").GetString() == "Friday Skee-Ball");
            Assert.That(
                (skee.GetProperty("sport").GetString(), skee.GetProperty("night").GetString(), skee.GetProperty("level").GetString(), skee.GetProperty("status").GetString(), skee.GetProperty("seasonYear").GetInt32(), skee.GetProperty("term").GetString()),
                Is.EqualTo(("Skee-Ball", "Friday", "Social, Co-ed", "Registration", 2026, "Fall")));
            Assert.That(skee.GetProperty("publicVisible").GetBoolean(), Is.False, "an imported league waits for an admin to publish it");
            Assert.That(listed.Single(l => l.GetProperty("name").GetString() == "Wednesday Softball").GetProperty("level").GetString(), Is.EqualTo("Competitive"));
            Assert.That(listed.Select(l => l.GetProperty("name").GetString()), Has.Exactly(1).EqualTo("Tuesday Kickball"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues WHERE name IN ('Loop Volleyball', 'Sunday Soccer', 'Saturday Cornhole')"), Is.Zero, "error rows are never created");
            Assert.That(Counts(rerun), Is.EqualTo((0, 0, 4, 4)), "a second run of the same file changes nothing: " + rerun);
        });
    }

    [Test]
    public async Task LeaguesImport_CommitAfterAPreviewedLeagueChanged_409WithTheRowAndNothingApplied()
    {
        var softball = await LeaguesWorldAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await StartAsync(client, "leagues.csv", Encoding.GetEncoding(1252).GetBytes(LeaguesCsv), "leagues", null);
        await World.SendAsSystemAsync(new UpdateLeague(softball.Id, new LeagueFields("Wednesday Softball", "Softball", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Thursday, "Recreational", LeagueStatus.Active)));

        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "valid" });
        var problem = await commit.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var drift = problem.GetProperty("details").EnumerateArray().Single();
            Assert.That(drift.GetProperty("line").GetInt32(), Is.EqualTo(4), problem.ToString());
            Assert.That(drift.GetProperty("what").GetString(), Does.Contain("changed by someone since the preview"));
            Assert.That(await LeagueCountAsync(), Is.EqualTo(3), "nothing was applied");
            Assert.That((await World.ImportSettledAsync(id)).Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Ready));
        });
    }

    [Test]
    public async Task LeaguesImport_Undo_RemovesCreatedRestoresUpdated_LeavesAloneWhatChangedOrHasTeams()
    {
        var softball = await LeaguesWorldAsync();
        var bowling = await world.LeagueInAsync(world.Milwaukee, "Monday Bowling");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await JsonWithoutVersionAsync(client, $"/api/leagues/{softball.Id}");
        var csv = "League;Sport;Season;Night;Level\nWednesday Softball;Softball;Fall 2026;Wednesday;Competitive\nMonday Bowling;Bowling;Fall 2026;Monday;Competitive\n"
            + "Friday Skee-Ball;Skee-Ball;Fall 2026;Friday;Social\nSunday Bocce;Bocce;Fall 2026;Sunday;Social\n";
        var id = await StartAsync(client, "leagues.csv", Encoding.UTF8.GetBytes(csv), "leagues", world.Milwaukee);
        var committed = (await CommitAsync(client, id, "all")).Import;
        var listed = await ItemsAsync(client, "/api/leagues?pageSize=100");
        var skee = listed.Single(l => l.GetProperty("name").GetString() == "Friday Skee-Ball").GetProperty("id").GetGuid();
        var bocce = listed.Single(l => l.GetProperty("name").GetString() == "Sunday Bocce").GetProperty("id").GetGuid();
        await world.TeamInAsync(skee, "Rollers");
        await World.SendAsSystemAsync(new UpdateLeague(bowling.Id, new LeagueFields("Monday Bowling", "Bowling", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Monday, "Edited Later", LeagueStatus.Active)));

        var undo = await client.PostAsync($"/api/imports/{id}/undo", null);
        var undone = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(committed.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Committed), committed.Message);
            Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(undone.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Undone), undone.Message);
            Assert.That((undone.Outcome!.Removed, undone.Outcome.Restored), Is.EqualTo((1, 1)));
            Assert.That(undone.Outcome.LeftAlone.Select(l => (l.Name, l.Reason)), Is.EquivalentTo(new[]
            {
                ("Monday Bowling", "It was changed since the import."), ("Friday Skee-Ball", "It has teams or games now."),
            }));
            Assert.That((await client.GetAsync($"/api/leagues/{bocce}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "created by the import: removed");
            Assert.That((await JsonWithoutVersionAsync(client, $"/api/leagues/{softball.Id}")).ToJsonString(), Is.EqualTo(before.ToJsonString()), "updated by the import: restored exactly");
            Assert.That((await World.SendAsSystemAsync(new GetLeague(bowling.Id))).Level, Is.EqualTo("Edited Later"), "changed since: left alone");
            Assert.That((await client.GetAsync($"/api/leagues/{skee}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "holding a team: left alone");
        });
    }

    [Test]
    public async Task LeaguesImport_ViewerCommits_403()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        using var viewer = world.Client(Persona.MadisonViewer);
        var id = await StartAsync(admin, "leagues.csv", "League,Sport,Season,Night,Level\nBadger Kickball,Kickball,Fall 2026,Monday,Recreational\n"u8.ToArray(), "leagues", world.Madison);

        var commit = await viewer.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });

        Assert.Multiple(async () =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await LeagueCountAsync(), Is.Zero);
        });
    }

    /// <summary>Milwaukee's Tuesday Kickball and Wednesday Softball, Chicago's Thursday Softball (all Fall 2026); returns Wednesday Softball.</summary>
    private async Task<LeagueDto> LeaguesWorldAsync()
    {
        await world.LeagueInAsync(world.Milwaukee);
        await world.LeagueInAsync(world.Chicago, "Thursday Softball");
        return await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Wednesday Softball", "Softball", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Wednesday, "Recreational", LeagueStatus.Active)));
    }

    private static Task<long> LeagueCountAsync() => Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues");
}
