using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Importing rosters (players) and schedules with results (games) over the API: a messy file previewed row by row,
/// committed and seen through the normal API, a second run all unchanged, a commit refused when a previewed record
/// changed, an undo that restores exactly but leaves alone what changed since, another city's rows never created,
/// "valid" mode, and a viewer refused.
/// </summary>
public sealed class ImportsKindsPlayersGamesTests
{
    private World world = null!;

    static ImportsKindsPlayersGamesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Players_MessyFile_PreviewsEachRowCommitsToTheRosterAndRunsAgainUnchanged()
    {
        var (otters, herons) = await RostersAsync();
        var csv = """
            Fall 2026 rosters;;;;;;
            Team;League;City;Player;E-mail;Cell;Captain
            Otters;Tuesday Kickball;Milwaukee;Pat Lee;PAT@example.org;0414555010;
            Otters;Tuesday Kickball;Milwaukee;Zoë Brontë;zoe@example.org;0414 555 0111;yes
            Otters;Tuesday Kickball;Milwaukee;Casey Captain;casey@example.org;;
            Herons;tuesday  kickball;Milwaukee;Robin Heron;robin@example.org;;x
            Herons;Tuesday Kickball;Milwaukee;Kim Heron;;;captain
            otters;Tuesday Kickball;Milwaukee;pat lee;;;
            Bears;Thursday Softball;Chicago;Bo Bear;;;
            Herons;Tuesday Kickball;Milwaukee;Lou Heron;lou-at-example;;
            Otters;Tuesday Kickball;Milwaukee;Max Otter;;;maybe
            """;
        var file = Encoding.GetEncoding(1252).GetBytes(csv);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var id = await UploadAsync(client, "rosters.csv", file, "players", world.Milwaukee);
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var rows = await ImportApi.RowsAsync(client, id);
        var committed = await CommitAsync(client, id, "valid");
        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{otters}/players");
        var heronsRoster = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{herons}/players");
        var again = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{await UploadAsync(client, "rosters.csv", file, "players", world.Milwaukee)}");

        Assert.Multiple(() =>
        {
            Assert.That((import.GetProperty("encoding").GetString(), import.GetProperty("delimiter").GetString(), import.GetProperty("headerLine").GetInt32()), Is.EqualTo(("Windows-1252", ";", 2)));
            Assert.That(Counts(import), Is.EqualTo((2, 1, 1, 5)), import.ToString());
            Assert.That(rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("action").GetString())), Is.EqualTo(new[]
            {
                (3, "Update"), (4, "Create"), (5, "Unchanged"), (6, "Create"), (7, "Error"), (8, "Error"), (9, "Error"), (10, "Error"), (11, "Error"),
            }));
            Assert.That(rows.Where(r => r.GetProperty("action").GetString() == "Error").Select(Problem), Is.EqualTo(new[]
            {
                (7, "Captain", "captain", "second_captain"),
                (8, "Player", "pat lee", "duplicate_in_file"),
                (9, "League", "Thursday Softball", "not_in_your_cities"),
                (10, "E-mail", "lou-at-example", "invalid_email"),
                (11, "Captain", "maybe", "invalid_captain"),
            }));
            Assert.That(Changes(rows[0]), Is.EqualTo(new[] { ("phone", (string?)null, (string?)"0414555010") }), "the email differs only in case: no change");
            Assert.That(rows[1].GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Does.Contain("captain_replaced"));
            Assert.That(committed.GetProperty("status").GetString(), Is.EqualTo("Committed"), committed.ToString());
            Assert.That(roster.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("isCaptain").GetBoolean(), p.GetProperty("phone").GetString())), Is.EqualTo(new[]
            {
                ("Zoë Brontë", true, "0414 555 0111"), ("Casey Captain", false, null), ("Pat Lee", false, "0414555010"),
            }), "the new captain replaced the old one; the leading zeros stay");
            Assert.That(heronsRoster.EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "Robin Heron" }));
            Assert.That(Counts(again), Is.EqualTo((0, 0, 4, 5)), "a second run of the same file changes nothing: " + again);
        });
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players WHERE name = 'Bo Bear'"), Is.Zero, "another city's row is never created");
    }

    [Test]
    public async Task Players_CommitAfterAPreviewedPlayerChanged_409AndNothingApplied()
    {
        var (otters, _) = await RostersAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await UploadAsync(client, "rosters.csv", "Team,Player,Email,Phone\nOtters,Pat Lee,pat@example.org,414-555-0199\nOtters,Sam New,sam@example.org,\n"u8.ToArray(), "players", world.Milwaukee);
        var pat = (await World.SendAsSystemAsync(new ListPlayers(otters))).Single(p => p.Name == "Pat Lee");
        await World.SendAsSystemAsync(new UpdatePlayer(otters, pat.Id, new PlayerFields("Pat Lee", pat.Email, "414-555-0123")));

        var response = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.ToString(), Does.Contain("changed since the preview"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players WHERE name = 'Sam New'"), Is.Zero, "nothing is applied");
            Assert.That((await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}")).GetProperty("status").GetString(), Is.EqualTo("Ready"));
        });
    }

    [Test]
    public async Task Players_Undo_RestoresExactlyAndLeavesAloneWhatChangedSince()
    {
        var (otters, herons) = await RostersAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await RosterTextAsync(otters);
        var csv = "Team,Player,Email,Phone,Captain\n"
            + "Otters,Pat Lee,pat@example.org,414-555-0199,yes\n"
            + "Otters,Sam New,sam@example.org,,no\n"
            + "Herons,Robin Heron,robin@example.org,,yes\n";
        var id = await UploadAsync(client, "rosters.csv", Encoding.UTF8.GetBytes(csv), "players", world.Milwaukee);
        await CommitAsync(client, id, "all");
        var afterCommit = await RosterTextAsync(otters);
        var robin = (await World.SendAsSystemAsync(new ListPlayers(herons))).Single();
        await World.SendAsSystemAsync(new UpdatePlayer(herons, robin.Id, new PlayerFields("Robin Heron", robin.Email, "608-555-0100", IsCaptain: true)));

        var response = await client.PostAsync($"/api/imports/{id}/undo", null);
        var undone = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(afterCommit, Is.Not.EqualTo(before));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(undone.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Undone));
            Assert.That(await RosterTextAsync(otters), Is.EqualTo(before), "Sam removed, Pat restored, Casey captain again");
            Assert.That((undone.Outcome!.Removed, undone.Outcome.Restored), Is.EqualTo((1, 2)));
            Assert.That(undone.Outcome.LeftAlone.Select(l => (l.Line, l.Name)), Is.EqualTo(new[] { (4, "Robin Heron") }));
            Assert.That((await World.SendAsSystemAsync(new ListPlayers(herons))).Single().Phone, Is.EqualTo("608-555-0100"), "changed since: left alone");
        });
    }

    [Test]
    public async Task Players_ValidModeSkipsErrorRows_AllModeRefusesThem_AViewerCannotCommit()
    {
        var (otters, _) = await RostersAsync();
        var madison = await world.LeagueInAsync(world.Madison, "Madison Kickball");
        await world.TeamInAsync(madison.Id, "Badgers");
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        using var system = world.Client(Persona.SystemAdmin);
        using var viewer = world.Client(Persona.MadisonViewer);
        var id = await UploadAsync(admin, "rosters.csv", "Team,Player,Email\nOtters,Sam New,sam@example.org\nOtters,Broken,not-an-email\n"u8.ToArray(), "players", world.Milwaukee);
        var ofMadison = await UploadAsync(system, "madison.csv", "Team,Player\nBadgers,Bucky\n"u8.ToArray(), "players", world.Madison);

        var all = await admin.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var byViewer = await viewer.PostAsJsonAsync($"/api/imports/{ofMadison}/commit", new { mode = "all" });
        var valid = await CommitAsync(admin, id, "valid");

        Assert.Multiple(async () =>
        {
            Assert.That(all.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(byViewer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.players WHERE name = 'Bucky'"), Is.Zero);
            Assert.That(valid.GetProperty("outcome").GetProperty("created").GetInt32(), Is.EqualTo(1));
            Assert.That(valid.GetProperty("outcome").GetProperty("skipped").GetInt32(), Is.EqualTo(1));
            Assert.That((await World.SendAsSystemAsync(new ListPlayers(otters))).Select(p => p.Name), Does.Contain("Sam New").And.No.Contain("Broken"));
        });
    }

    [Test]
    public async Task Games_MessyFile_PreviewsEachRowCommitsToScheduleAndStandingsAndRunsAgainUnchanged()
    {
        var league = await SeasonAsync();
        var softball = await world.LeagueInAsync(world.Chicago, "Thursday Softball");
        await world.TeamInAsync(softball.Id, "Bears");
        await world.TeamInAsync(softball.Id, "Cubs");
        var csv = "\uFEFFSchedule export\n"
            + "League,City,Date,Time,Park,Field,Home,Away,Home Score,Away Score,Forfeit,Status\n"
            + "Tuesday Kickball,Milwaukee,46280,0.7708333333333334,Humboldt Park,Field 1,Otters,Herons,5,3,,Played\n"
            + "Tuesday Kickball,Milwaukee,9/15/2026,6:30 PM,humboldt park,field 2,Ospreys,Larks,,,Larks,\n"
            + "tuesday kickball,Milwaukee,2026-09-22,18:30,Humboldt Park,Field 1,Herons,Ospreys,,,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-22,19:30,Humboldt Park,Field 2,Larks,Otters,,,,Cancelled\n"
            + "Tuesday Kickball,Milwaukee,46280,18:30,Humboldt Park,Field 1,Otters,Herons,5,3,,Played\n"
            + "Thursday Softball,Chicago,2026-09-17,18:30,,,Bears,Cubs,,,,\n"
            + "Tuesday Kickball,Milwaukee,9/31/2026,18:30,Humboldt Park,Field 1,Otters,Larks,,,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,25:00,Humboldt Park,Field 1,Otters,Larks,,,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humboldt Park,Field 9,Otters,Larks,,,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humboldt Park,Field 1,Otters,Otters,,,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humboldt Park,Field 1,Otters,Larks,-2,4,,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humboldt Park,Field 1,Otters,Larks,,,Bears,\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humboldt Park,Field 1,Otters,Larks,,,,Postponed maybe\n"
            + "Tuesday Kickball,Milwaukee,2026-09-29,18:30,Humbolt Park,Field 1,Otters,Larks,,,,\n"
            + "Tuesday Kickball,Milwaukee,9999-12-31,18:30,Humboldt Park,Field 1,Otters,Larks,,,,\n";
        var file = Encoding.UTF8.GetBytes(csv);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var id = await UploadAsync(client, "history.csv", file, "games", world.Milwaukee);
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var rows = await ImportApi.RowsAsync(client, id);
        var committed = await CommitAsync(client, id, "valid");
        var games = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{league}/games");
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{league}/standings");
        var again = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{await UploadAsync(client, "history.csv", file, "games", world.Milwaukee)}");

        Assert.Multiple(() =>
        {
            Assert.That(Counts(import), Is.EqualTo((4, 0, 0, 11)), import.ToString());
            Assert.That(rows.Where(r => r.GetProperty("action").GetString() == "Error").Select(Problem), Is.EqualTo(new[]
            {
                (7, "Date", "46280", "duplicate_in_file"),
                (8, "League", "Thursday Softball", "not_in_your_cities"),
                (9, "Date", "9/31/2026", "invalid_date"),
                (10, "Time", "25:00", "invalid_time"),
                (11, "Field", "Field 9", "field_not_found"),
                (12, "Away", "Otters", "same_team"),
                (13, "Home Score", "-2", "invalid_number"),
                (14, "Forfeit", "Bears", "forfeit_not_a_team"),
                (15, "Status", "Postponed maybe", "invalid_choice"),
                (16, "Park", "Humbolt Park", "venue_not_found"),
                (17, "Date", "9999-12-31", "implausible_date"),
            }));
            Assert.That(rows[^2].GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()), Has.Some.EndsWith("Did you mean Humboldt Park?"));
            Assert.That(committed.GetProperty("status").GetString(), Is.EqualTo("Committed"), committed.ToString());
            Assert.That(games.EnumerateArray().Select(g => (g.GetProperty("date").GetString(), g.GetProperty("start").GetString(), g.GetProperty("field").GetString(), g.GetProperty("homeTeamName").GetString(), g.GetProperty("status").GetString())), Is.EqualTo(new[]
            {
                ("2026-09-15", "18:30:00", "Field 1", "Otters", "Final"),
                ("2026-09-15", "18:30:00", "Field 2", "Ospreys", "Forfeit"),
                ("2026-09-22", "18:30:00", "Field 1", "Herons", "Scheduled"),
                ("2026-09-22", "19:30:00", "Field 2", "Larks", "Cancelled"),
            }));
            Assert.That(standings.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("teamName").GetString(), r.GetProperty("won").GetInt32())).Take(2), Is.EquivalentTo(new[] { ("Otters", 1), ("Ospreys", 1) }), "Larks forfeited to Ospreys");
            Assert.That(Counts(again), Is.EqualTo((0, 0, 4, 11)), "a second run of the same file changes nothing: " + again);
        });
        Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.games WHERE city_id = $1", world.Chicago), Is.Zero, "another city's row is never created");
    }

    [Test]
    public async Task Games_ResultsFileUpdatesTheSchedule_409WhenAPreviewedGameChanged_UndoRestoresExactly()
    {
        var league = await SeasonAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var schedule = "League,Date,Start Time,Venue,Field,Home Team,Away Team\n"
            + "Tuesday Kickball,2026-09-15,18:30,Humboldt Park,Field 1,Otters,Herons\n"
            + "Tuesday Kickball,2026-09-15,19:30,Humboldt Park,Field 1,Ospreys,Larks\n";
        await CommitAsync(client, await UploadAsync(client, "schedule.csv", Encoding.UTF8.GetBytes(schedule), "games", world.Milwaukee), "all");
        var scheduled = await GamesTextAsync(league);
        var results = "League,Date,Home Team,Away Team,Home Score,Away Score,Start Time\n"
            + "Tuesday Kickball,9/15/2026,Otters,Herons,4,2,18:30\n"
            + "Tuesday Kickball,9/15/2026,Ospreys,Larks,1,1,7:45 PM\n"
            + "Tuesday Kickball,9/22/2026,Herons,Otters,,,18:30\n";
        var stale = await UploadAsync(client, "results.csv", Encoding.UTF8.GetBytes(results), "games", world.Milwaukee);
        var staleRows = await ImportApi.RowsAsync(client, stale);
        var ospreys = (await World.SendAsSystemAsync(new ListGames(league))).Single(g => g.HomeTeamName == "Ospreys");
        await World.SendAsSystemAsync(new RecordResult(ospreys.Id, new ResultFields(3, 0)));

        var refused = await client.PostAsJsonAsync($"/api/imports/{stale}/commit", new { mode = "all" });
        var afterRefusal = await GamesTextAsync(league);
        await World.SendAsSystemAsync(new ClearResult(ospreys.Id, "entered on the wrong game"));
        var withCleared = await GamesTextAsync(league);
        var id = await UploadAsync(client, "results.csv", Encoding.UTF8.GetBytes(results), "games", world.Milwaukee);
        await CommitAsync(client, id, "all");
        var afterCommit = await GamesTextAsync(league);
        var otters = (await World.SendAsSystemAsync(new ListGames(league))).Single(g => g.HomeTeamName == "Otters");
        await World.SendAsSystemAsync(new RecordResult(otters.Id, new ResultFields(6, 2, Reason: "scorer's error")));
        var undo = await client.PostAsync($"/api/imports/{id}/undo", null);
        var undone = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(staleRows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "Update", "Update", "Create" }));
            Assert.That(Changes(staleRows[1]), Is.EqualTo(new[]
            {
                ("startTime", (string?)"19:30", (string?)"19:45"), ("status", "Scheduled", "Final"), ("homeScore", null, "1"), ("awayScore", null, "1"),
            }));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(afterRefusal, Is.EqualTo(new[] { "2026-09-15 Otters v Herons 18:30 Scheduled -", "2026-09-15 Ospreys v Larks 19:30 Final 3-0" }), "nothing applied");
            Assert.That(afterCommit, Is.EqualTo(new[]
            {
                "2026-09-15 Otters v Herons 18:30 Final 4-2", "2026-09-15 Ospreys v Larks 19:45 Final 1-1", "2026-09-22 Herons v Otters 18:30 Scheduled -",
            }));
            Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((undone.Outcome!.Removed, undone.Outcome.Restored, undone.Outcome.LeftAlone.Count), Is.EqualTo((1, 1, 1)));
            Assert.That(await GamesTextAsync(league), Is.EqualTo(new[] { "2026-09-15 Otters v Herons 18:30 Final 6-2", withCleared[1] }), "restored exactly, the corrected result left alone");
            Assert.That(scheduled, Is.EqualTo(withCleared));
        });
    }

    private async Task<(Guid Otters, Guid Herons)> RostersAsync()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.TeamInAsync((await world.LeagueInAsync(world.Chicago, "Thursday Softball")).Id, "Bears");
        var otters = (await world.TeamInAsync(league.Id, "Otters")).Id;
        var herons = (await world.TeamInAsync(league.Id, "Herons")).Id;
        await World.SendAsSystemAsync(new AddPlayer(otters, new PlayerFields("Pat Lee", "pat@example.org", null)));
        await World.SendAsSystemAsync(new AddPlayer(otters, new PlayerFields("Casey Captain", "casey@example.org", null, IsCaptain: true)));
        return (otters, herons);
    }

    /// <summary>Tuesday Kickball in Milwaukee with four teams, and Humboldt Park with two fields; returns the league's id.</summary>
    private async Task<Guid> SeasonAsync()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        foreach (var team in new[] { "Otters", "Herons", "Ospreys", "Larks" })
        {
            await world.TeamInAsync(league.Id, team);
        }

        await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "Humboldt Park", "3000 S Howell Ave", ["Field 1", "Field 2"])));
        return league.Id;
    }

    private static async Task<string[]> RosterTextAsync(Guid teamId) =>
        [.. (await World.SendAsSystemAsync(new ListPlayers(teamId))).Select(p => $"{p.Name} {p.Email} {p.Phone} {(p.IsCaptain ? "captain" : "-")}")];

    private static async Task<string[]> GamesTextAsync(Guid leagueId) =>
        [.. (await World.SendAsSystemAsync(new ListGames(leagueId))).Select(g =>
            $"{g.Date:yyyy-MM-dd} {g.HomeTeamName} v {g.AwayTeamName} {g.Start:HH\\:mm} {g.Status} {(g.HomeScore is null ? "-" : $"{g.HomeScore}-{g.AwayScore}")}")];

    private static async Task<Guid> UploadAsync(HttpClient client, string fileName, byte[] content, string kind, Guid cityId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(kind), "kind" }, { new StringContent(cityId.ToString()), "cityId" } };
        var response = await client.PostAsync("/api/imports", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await World.ImportSettledAsync(id);
        return id;
    }

    /// <summary>Commits and waits for the background work; returns the import as it then is.</summary>
    private static async Task<JsonElement> CommitAsync(HttpClient client, Guid id, string mode)
    {
        var response = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        await World.ImportSettledAsync(id);
        return await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
    }


    private static (int, int, int, int) Counts(JsonElement import)
    {
        var counts = import.GetProperty("counts");
        return (counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("error").GetInt32());
    }

    private static IEnumerable<(string?, string?, string?)> Changes(JsonElement row) =>
        row.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));

    private static (int, string?, string?, string?) Problem(JsonElement row)
    {
        var problem = row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean());
        return (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString(), problem.GetProperty("code").GetString());
    }
}
