using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Committing and undoing a teams import over the API: the previewed plan applied through the Teams module (the team
/// table and the listing show it), a second run all unchanged, a commit after the data changed refused (409 with the
/// rows) with nothing applied, "all" refused while rows have errors, "valid" leaving them out, an undo that restores
/// exactly and leaves alone what someone changed since, suggestions accepted or rejected, and mapping changes.
/// </summary>
public sealed partial class ImportsApiTests
{
    private const string TeamsCsv = """
        Team,League,Sponsor,Captain,Captain Email,Captain Phone
        Otters,Tuesday Kickball,Joe's Pub,Casey Captain,casey@example.org,0414 555 0101
        Herons,Tuesday Kickball,,Robin New,robin@example.org,
        Larks,Tuesday Kickball,JOES PUB ,Kim Lark,kim@example.org,
        """;

    [Test]
    public async Task Commit_CreatesAndUpdatesThroughTheTeamsModule_AndASecondRunIsAllUnchanged()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        var otters = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee));

        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var committed = await World.ImportSettledAsync(id);
        var listing = await client.GetFromJsonAsync<JsonElement>($"/api/teams?leagueId={league.Id}&sort=name");
        var updated = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{otters.Id}");
        var again = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee))}");

        Assert.Multiple(() =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(committed.Status.ToString(), Is.EqualTo("Committed"), committed.Message);
            Assert.That((committed.Outcome!.Created, committed.Outcome.Updated), Is.EqualTo((2, 1)));
            Assert.That(listing.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("sponsorName").GetString())),
                Is.EqualTo(new[] { ("Herons", (string?)null), ("Larks", "Joe's Pub"), ("Otters", "Joe's Pub") }), "the listing projection caught up in the same transaction");
            Assert.That(updated.GetProperty("captainPhone").GetString(), Is.EqualTo("0414 555 0101"), "a leading zero is kept");
            Assert.That(updated.GetProperty("version").GetInt64(), Is.EqualTo(otters.Version + 1));
            var counts = again.GetProperty("counts");
            Assert.That((counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("unchanged").GetInt32()), Is.EqualTo((0, 0, 3)),
                "re-running the same file changes nothing");
        });
    }

    [Test]
    public async Task Commit_IsOneAuditEntryWithItsCounts_AndEachChangeCarriesTheImportsId()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee));

        await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        await World.ImportSettledAsync(id);
        var importEntries = await Database.Postgres.ScalarAsync<string>(
            $"SELECT string_agg(action || ':' || reason, '|') FROM import.audit_log WHERE entity_type = 'ImportBatch' AND entity_id = '{id}' AND reason IS NOT NULL");
        var teamEntries = await Database.Postgres.ScalarAsync<string>(
            $"SELECT string_agg(action, ',' ORDER BY action) FROM teams.audit_log WHERE entity_type = 'Team' AND reason = 'import {id}'");

        Assert.Multiple(() =>
        {
            Assert.That(importEntries, Is.EqualTo($"Updated:import {id}: 2 created, 1 updated, 0 unchanged, 0 skipped"), "one entry for the commit, with its counts");
            Assert.That(teamEntries, Is.EqualTo("Created,Created,Updated"), "every change the import made names it");
        });
    }

    [Test]
    public async Task Commit_AfterAPreviewedTeamChanged_409ListingTheRowAndNothingApplied()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        var otters = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee));
        await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.UpdateTeam(otters.Id, new MidwestSports.Teams.Contracts.TeamFields(
            "Otters", league.Id, null, "Someone Else", "else@example.org", null, 9, MidwestSports.Teams.Contracts.TeamStatus.Active, otters.Version)));
        var teamsBefore = await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams");

        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var problem = await commit.Content.ReadFromJsonAsync<JsonElement>();
        var import = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var drift = problem.GetProperty("details").EnumerateArray().Single();
            Assert.That((drift.GetProperty("line").GetInt32(), drift.GetProperty("previewed").GetString(), drift.GetProperty("now").GetString()), Is.EqualTo((2, "Update", "Update")));
            Assert.That(drift.GetProperty("what").GetString(), Does.Contain("changed by someone since the preview"));
            Assert.That(import.Status.ToString(), Is.EqualTo("Ready"), "the import can be previewed again");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams"), Is.EqualTo(teamsBefore), "nothing applied");
        });
    }

    [Test]
    public async Task Commit_AllWithErrorRows_400AndValidLeavesThemOut()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = "Team,League,Captain,Captain Email\nOtters,Tuesday Kickball,Casey,casey@example.org\nHerons,Tuesday Kickball,Robin,not-an-email\n";
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));

        var all = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var noMode = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { });
        var badMode = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "some" });
        var valid = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "valid" });
        var import = await World.ImportSettledAsync(id);
        var names = await Database.Postgres.ScalarAsync<string>($"SELECT string_agg(name, ',' ORDER BY name) FROM teams.teams WHERE league_id = '{league.Id}'");

        Assert.Multiple(async () =>
        {
            Assert.That(all.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("mode")[0].GetString(), Does.Contain("1 row(s) have errors"));
            Assert.That(noMode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "without a mode the mode is all");
            Assert.That((await noMode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("mode")[0].GetString(), Does.Contain("1 row(s) have errors"));
            Assert.That(badMode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((import.Status.ToString(), import.Outcome!.Created, import.Outcome.Skipped), Is.EqualTo(("Committed", 1, 1)));
            Assert.That(names, Is.EqualTo("Otters"));
        });
    }

    [Test]
    public async Task Undo_RemovesCreatedRestoresUpdated_AndLeavesAloneWhatChangedSince()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        var otters = await world.TeamInAsync(league.Id, "Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var ottersBefore = await client.GetStringAsync($"/api/teams/{otters.Id}");
        var listingBefore = await client.GetStringAsync($"/api/teams?leagueId={league.Id}&sort=name");
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee));
        await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        await World.ImportSettledAsync(id);

        var undo = await client.PostAsync($"/api/imports/{id}/undo", null);
        var undone = await World.ImportSettledAsync(id);
        var ottersAfter = JsonDocument.Parse(await client.GetStringAsync($"/api/teams/{otters.Id}")).RootElement;
        var again = await client.PostAsync($"/api/imports/{id}/undo", null);

        Assert.Multiple(async () =>
        {
            Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((undone.Status.ToString(), undone.Outcome!.Removed, undone.Outcome.Restored, undone.Outcome.LeftAlone.Count), Is.EqualTo(("Undone", 2, 1, 0)));
            Assert.That(Without(ottersAfter, "version"), Is.EqualTo(Without(JsonDocument.Parse(ottersBefore).RootElement, "version")), "restored exactly");
            Assert.That(await client.GetStringAsync($"/api/teams?leagueId={league.Id}&sort=name"), Is.EqualTo(listingBefore), "the listing is as before");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an undone import cannot be undone twice");
        });

        // A second import whose team someone edits afterwards: the undo leaves that team alone and says so.
        var second = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(TeamsCsv), "teams", world.Milwaukee));
        await client.PostAsJsonAsync($"/api/imports/{second}/commit", new { mode = "all" });
        await World.ImportSettledAsync(second);
        var herons = (await client.GetFromJsonAsync<JsonElement>($"/api/teams?leagueId={league.Id}&name=Herons")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var heronsNow = await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.GetTeam(herons));
        await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.UpdateTeam(herons, new MidwestSports.Teams.Contracts.TeamFields(
            "Herons", league.Id, null, "Changed Later", null, null, 10, MidwestSports.Teams.Contracts.TeamStatus.Active, heronsNow.Version)));

        await client.PostAsync($"/api/imports/{second}/undo", null);
        var partly = await World.ImportSettledAsync(second);

        Assert.Multiple(async () =>
        {
            Assert.That(partly.Outcome!.LeftAlone.Select(l => (l.Name, l.Line, l.Reason)), Is.EqualTo(new[] { ("Herons", 3, "It was changed since the import.") }));
            Assert.That((partly.Outcome.Removed, partly.Outcome.Restored), Is.EqualTo((1, 1)));
            Assert.That((await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.GetTeam(herons))).CaptainName, Is.EqualTo("Changed Later"));
        });
    }

    [Test]
    public async Task Suggestions_ANearNameIsOffered_AcceptUpdatesIt_RejectCreates()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var otters = await world.TeamInAsync(league.Id, "Mighty Otters");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = "Team,League,Captain\nMighty Otter,Tuesday Kickball,Casey Captain\nMighty Oters,Tuesday Kickball,Pat New\n";
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));
        var rows = await ImportApi.RowsAsync(client, id);

        var accept = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[0].GetProperty("rowId").GetInt32()}", new { accept = true, targetId = otters.Id });
        await World.ImportSettledAsync(id);
        var wrongTarget = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[1].GetProperty("rowId").GetInt32()}", new { accept = true, targetId = Guid.NewGuid() });
        var noAnswer = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[1].GetProperty("rowId").GetInt32()}", new { targetId = otters.Id });
        var reject = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[1].GetProperty("rowId").GetInt32()}", new { accept = false });
        await World.ImportSettledAsync(id);
        var after = await ImportApi.RowsAsync(client, id);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "Create", "Create" }), "never applied on its own");
            Assert.That(rows[0].GetProperty("suggestions")[0].GetProperty("targetId").GetGuid(), Is.EqualTo(otters.Id));
            Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(wrongTarget.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(noAnswer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(reject.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.Select(r => (r.GetProperty("action").GetString(), r.GetProperty("decision").GetString())),
                Is.EqualTo(new[] { ("Update", "Accepted"), ("Create", "Rejected") }));
            Assert.That(after[0].GetProperty("targetId").GetGuid(), Is.EqualTo(otters.Id));
            Assert.That(after[0].GetProperty("changes")[0].GetProperty("to").GetString(), Is.EqualTo("Mighty Otter"), "accepting renames the team to the file's spelling");
        });
    }

    [Test]
    public async Task Mapping_ChangedByTheAdmin_AnalysesAgain_AndASavedMappingIsProposedForTheSameHeaders()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = "Squad,Division,Boss,Notes\nOtters,Tuesday Kickball,Casey Captain,x\n";
        var id = await IdAsync(await PostAsync(client, "teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        var put = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { columns = new[] { new { index = 2, field = "captainName" } }, save = true });
        var after = await World.ImportSettledAsync(id);
        var bad = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { columns = new[] { new { index = 9, field = "captainName" }, new { index = 0, field = "umpire" } } });
        var second = await IdAsync(await PostAsync(client, "again.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));
        var proposed = await World.ImportSettledAsync(second);

        Assert.Multiple(async () =>
        {
            Assert.That(before.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()), Does.Contain("Captain"));
            Assert.That(before.GetProperty("counts").GetProperty("error").GetInt32(), Is.EqualTo(1));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.Columns[2].Field, Is.EqualTo("captainName"));
            Assert.That(after.Columns[2].Basis.ToString(), Is.EqualTo("Chosen"));
            Assert.That((after.Status.ToString(), after.Counts.Create, after.MissingFields.Count), Is.EqualTo(("Ready", 1, 0)));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.That(errors.TryGetProperty("columns[0].index", out _) && errors.TryGetProperty("columns[1].field", out _), Is.True, errors.ToString());
            Assert.That((proposed.MappingFromSaved, proposed.Columns[2].Field, proposed.Counts.Create), Is.EqualTo((true, "captainName", 1)));
        });
    }

    [Test]
    public async Task AFileWhoseHeaderMatchesNoField_TheMappingStepSaysSo()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "scores.csv", "Umpire,Inning,Pitch Count\nJo,7,88\n"u8.ToArray(), "teams", world.Milwaukee));

        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(import.GetProperty("message").GetString(), Does.StartWith("No column of this file matches a field of teams"));
            Assert.That(import.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("basis").GetString()), Is.All.EqualTo("Ignored"));
            Assert.That(import.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()), Is.EquivalentTo(new[] { "Team", "League", "Captain" }));
        });
    }

    [Test]
    public async Task Workbook_ATeamsSheetNamingALeagueItsLeaguesSheetCreates_CommitsBothInOrder()
    {
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var workbook = Workbook(
            ("Teams", [["Team", "League", "City", "Season", "Sponsor", "Captain"], ["Otters", "Sunday Kickball", "Milwaukee", "Spring 2027", "Joes Pub", "Casey Captain"]]),
            ("Leagues", [["League", "Sport", "City", "Season", "Night", "Level"], ["Sunday Kickball", "Kickball", "Milwaukee", "Spring 2027", "Sunday", "Recreational"]]));

        var id = await IdAsync(await PostAsync(client, "cutover.xlsx", workbook, "workbook", world.Milwaukee));
        var preview = await World.ImportSettledAsync(id);
        var previewRows = await client.GetStringAsync($"/api/imports/{id}/rows");
        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var committed = await World.ImportSettledAsync(id);
        var teams = (await client.GetFromJsonAsync<JsonElement>("/api/teams?name=Otters")).GetProperty("items").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(preview.Parts.Select(p => (p.Sheet, p.Kind.ToString())), Is.EqualTo(new[] { ("Leagues", "Leagues"), ("Teams", "Teams") }), "applied leagues first");
            Assert.That((preview.Counts.Create, preview.Counts.Error), Is.EqualTo((2, 0)), previewRows);
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((committed.Status.ToString(), committed.Outcome?.Created), Is.EqualTo(("Committed", (int?)2)), committed.Message);
            Assert.That(teams.Select(t => (t.GetProperty("leagueName").GetString(), t.GetProperty("sponsorName").GetString())), Is.EqualTo(new[] { ("Sunday Kickball", "Joe's Pub") }));
        });
    }

    private static byte[] Workbook(params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        var data = sheets.ToDictionary(
            s => s.Sheet,
            s => (object)s.Rows.Select(r => Enumerable.Range(0, s.Rows.Max(x => x.Length)).ToDictionary(i => $"c{i}", i => i < r.Length ? r[i] : null)).ToList());
        MiniExcelLibs.MiniExcel.SaveAs(stream, data, printHeader: false, excelType: MiniExcelLibs.ExcelType.XLSX);
        return stream.ToArray();
    }

    [Test]
    public async Task Encoding_Overridden_ReadsTheFileAgainThatWay()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Team,League,Captain\nCafé Crew,Tuesday Kickball,Zoë Brontë\n");
        var id = await IdAsync(await PostAsync(client, "teams.csv", bytes, "teams", world.Milwaukee));

        var put = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { encoding = "UTF-8" });
        var asUtf8 = await World.ImportSettledAsync(id);
        var row = (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}/rows")).GetProperty("items")[0];
        var unknown = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { encoding = "EBCDIC" });

        Assert.Multiple(async () =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(asUtf8.Encoding, Is.EqualTo("UTF-8"));
            Assert.That(row.GetProperty("values").GetProperty("name").GetString(), Does.Contain("\uFFFD"), "read as UTF-8 the é is not a letter: what the admin sees before going back");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("encoding", out _), Is.True);
        });
    }

    [Test]
    public async Task CommitAndUndo_AsAViewer_403_AndCommitTwice_409()
    {
        var league = await world.LeagueInAsync(world.Madison);
        using var system = world.Client(Persona.SystemAdmin);
        using var viewer = world.Client(Persona.MadisonViewer);
        var id = await IdAsync(await PostAsync(system, "teams.csv", Encoding.UTF8.GetBytes($"Team,League,Captain\nOtters,{league.Name},Casey\n"), "teams", world.Madison));

        var viewerCommit = await viewer.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var first = await system.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var second = await system.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        await World.ImportSettledAsync(id);
        var viewerUndo = await viewer.PostAsync($"/api/imports/{id}/undo", null);

        Assert.Multiple(() =>
        {
            Assert.That(viewerCommit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(viewerUndo.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private static string Without(JsonElement element, string property) =>
        JsonSerializer.Serialize(element.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
