using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Importing sponsors and leagues over the API, end to end: a messy file previewed row by row (one sponsor however its
/// name is spelled, duplicates, another city's rows, near matches offered), committed and seen through the normal API,
/// a second run all unchanged, a commit refused (409) when a previewed record changed, an undo that restores exactly and
/// leaves alone what changed since, and a viewer who cannot commit.
/// </summary>
public sealed class ImportsKindsSponsorsLeaguesTests
{
    /// <summary>Windows-1252, semicolons, a title row; "Joe's Pub" three ways; another city's row and an unknown city.</summary>
    private const string SponsorsCsv = """
        Sponsors for 2026;;;;
        Sponsor;Contact;E-mail;Phone;Cities
        Joe's Pub;Jo Owner;jo@joes.example;0414 555 0101;Milwaukee
        Joes Pub;Jo Owner;jo@joes.example;0414 555 0101;Milwaukee
        JOE'S PUB ;Jo Owner;;;milwaukee
        Lakeside Bowl;Lee Lake;sam@example.org;414-555-0100;Milwaukee
        Harbor Tap;Sam Owner;sam@example.org;414-555-0100;Milwaukee
        Café Brüder;Zoë Brontë;zoe@bruder.example;;Milwaukee
        Loop Deli;Al Loop;;;Milwaukee | Chicago
        Cream City Pizzas;Pat Pie;;;Milwaukee
        Nowhere Inn;;;;Gotham
        """;

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

    private World world = null!;

    static ImportsKindsSponsorsLeaguesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task SponsorsImport_MessyFile_PreviewsOneSponsorPerNormalisedNameAndChangesNothing()
    {
        await SponsorsWorldAsync();
        var pizza = await world.SponsorInAsync(world.Milwaukee, "Cream City Pizza");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var id = await StartAsync(client, "sponsors.csv", Encoding.GetEncoding(1252).GetBytes(SponsorsCsv), "sponsors", world.Milwaukee);
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var rows = await RowsAsync(client, id);

        Assert.Multiple(async () =>
        {
            Assert.That(import.GetProperty("status").GetString(), Is.EqualTo("Ready"), import.ToString());
            Assert.That(import.GetProperty("encoding").GetString(), Is.EqualTo("Windows-1252"));
            Assert.That(import.GetProperty("delimiter").GetString(), Is.EqualTo(";"));
            Assert.That(Counts(import), Is.EqualTo((3, 1, 1, 4)), import.ToString());
            Assert.That(rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("action").GetString())), Is.EqualTo(new[]
            {
                (3, "Create"), (4, "Error"), (5, "Error"), (6, "Update"), (7, "Unchanged"), (8, "Create"), (9, "Error"), (10, "Create"), (11, "Error"),
            }));
            Assert.That(rows.Where(r => r.GetProperty("action").GetString() == "Error").Select(Problem), Is.EqualTo(new[]
            {
                (4, "Sponsor", "Joes Pub", "duplicate_in_file"),
                (5, "Sponsor", "JOE'S PUB", "duplicate_in_file"),
                (9, "Cities", "Chicago", "not_in_your_cities"),
                (11, "Cities", "Gotham", "city_not_found"),
            }));
            Assert.That(ErrorMessage(rows[6]), Is.EqualTo("Chicago is not in your cities."));
            var change = rows[3].GetProperty("changes").EnumerateArray().Single();
            Assert.That((change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()),
                Is.EqualTo(("contactName", "Sam Owner", "Lee Lake")), "only what differs is an update; the name is the key and stays");
            var suggestion = rows[7].GetProperty("suggestions").EnumerateArray().Single();
            Assert.That(suggestion.GetProperty("targetId").GetGuid(), Is.EqualTo(pizza.Id), "a near match is offered");
            Assert.That(rows[7].GetProperty("problems").EnumerateArray().Single().GetProperty("code").GetString(), Is.EqualTo("similar_exists"));
            Assert.That(await SponsorCountAsync(), Is.EqualTo(4), "a preview creates no sponsor");
        });
    }

    [Test]
    public async Task SponsorsImport_CommitValidRows_CreatesAndUpdatesThroughTheSponsorsModule_AndASecondRunIsUnchanged()
    {
        await SponsorsWorldAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await StartAsync(client, "sponsors.csv", Encoding.GetEncoding(1252).GetBytes(SponsorsCsv), "sponsors", world.Milwaukee);

        var (commit, committed) = await CommitAsync(client, id, "valid");
        var listed = await ItemsAsync(client, "/api/sponsors?pageSize=100");
        var again = await StartAsync(client, "sponsors.csv", Encoding.GetEncoding(1252).GetBytes(SponsorsCsv), "sponsors", world.Milwaukee);
        var rerun = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{again}");

        Assert.Multiple(async () =>
        {
            Assert.That(commit, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(committed.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Committed), committed.Message);
            Assert.That((committed.Outcome!.Created, committed.Outcome.Updated, committed.Outcome.Skipped), Is.EqualTo((3, 1, 4)));
            Assert.That(listed.Select(s => s.GetProperty("name").GetString()), Is.EquivalentTo(new[]
            {
                "Joe's Pub", "Lakeside Bowl", "Harbor Tap", "Café Brüder", "Cream City Pizzas",
            }), "Joe's Pub once, however the file spelled it");
            var joes = listed.Single(s => s.GetProperty("name").GetString() == "Joe's Pub");
            Assert.That((joes.GetProperty("contactName").GetString(), joes.GetProperty("phone").GetString()), Is.EqualTo(("Jo Owner", "0414 555 0101")), "a phone keeps its leading zero");
            Assert.That(joes.GetProperty("cityIds").EnumerateArray().Select(c => c.GetGuid()), Is.EqualTo(new[] { world.Milwaukee }));
            Assert.That(listed.Single(s => s.GetProperty("name").GetString() == "Lakeside Bowl").GetProperty("contactName").GetString(), Is.EqualTo("Lee Lake"));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM sponsors.sponsors WHERE name IN ('Loop Deli', 'Nowhere Inn')"), Is.Zero, "another city's row is never created");
            Assert.That(Counts(rerun), Is.EqualTo((0, 0, 5, 4)), "a second run of the same file changes nothing: " + rerun);
        });
    }

    [Test]
    public async Task SponsorsImport_AcceptedSuggestion_UpdatesThatSponsor_RejectedOneCreates()
    {
        var pizza = await world.SponsorInAsync(world.Milwaukee, "Cream City Pizza");
        await world.SponsorInAsync(world.Milwaukee, "Harbor Tap");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = "Sponsor,Contact,Cities\nCream City Pizzas,Pat Pie,Milwaukee\nHarbour Tap,Hal Harbor,Milwaukee\n";
        var id = await StartAsync(client, "sponsors.csv", Encoding.UTF8.GetBytes(csv), "sponsors", world.Milwaukee);
        var rows = await RowsAsync(client, id);

        var accept = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[0].GetProperty("rowId").GetInt32()}", new { accept = true, targetId = pizza.Id });
        await World.ImportSettledAsync(id);
        var reject = await client.PostAsJsonAsync($"/api/imports/{id}/suggestions/{rows[1].GetProperty("rowId").GetInt32()}", new { accept = false });
        await World.ImportSettledAsync(id);
        var decided = await RowsAsync(client, id);
        var committed = (await CommitAsync(client, id, "all")).Import;
        var names = (await client.GetFromJsonAsync<JsonElement>("/api/sponsors?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString(), s.GetProperty("contactName").GetString())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((accept.StatusCode, reject.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(decided.Select(r => (r.GetProperty("action").GetString(), r.GetProperty("targetId").ValueKind == JsonValueKind.Null ? (Guid?)null : r.GetProperty("targetId").GetGuid())),
                Is.EqualTo(new (string?, Guid?)[] { ("Update", pizza.Id), ("Create", null) }));
            Assert.That(committed.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Committed), committed.Message);
            Assert.That(names, Is.EquivalentTo(new[] { ("Cream City Pizza", "Pat Pie"), ("Harbor Tap", "Sam Owner"), ("Harbour Tap", "Hal Harbor") }));
        });
    }

    [Test]
    public async Task SponsorsImport_CommitAfterAPreviewedSponsorChanged_409WithTheRowAndNothingApplied()
    {
        var (lakeside, _) = await SponsorsWorldAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await StartAsync(client, "sponsors.csv", Encoding.GetEncoding(1252).GetBytes(SponsorsCsv), "sponsors", world.Milwaukee);
        await World.SendAsSystemAsync(new UpdateSponsor(lakeside.Id, new SponsorFields("Lakeside Bowl", "Someone Else", "sam@example.org", "414-555-0100", null, [world.Milwaukee])));

        var commit = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "valid" });
        var problem = await commit.Content.ReadFromJsonAsync<JsonElement>();
        var import = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var drift = problem.GetProperty("details").EnumerateArray().Single();
            Assert.That(drift.GetProperty("line").GetInt32(), Is.EqualTo(6), problem.ToString());
            Assert.That(drift.GetProperty("what").GetString(), Does.Contain("changed by someone since the preview"));
            Assert.That(import.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Ready));
            Assert.That(await SponsorCountAsync(), Is.EqualTo(3), "nothing was applied");
            Assert.That((await World.SendAsSystemAsync(new GetSponsor(lakeside.Id))).ContactName, Is.EqualTo("Someone Else"));
        });
    }

    [Test]
    public async Task SponsorsImport_Undo_RemovesCreatedRestoresUpdated_LeavesAloneWhatChangedOrIsUsed()
    {
        var (lakeside, harbor) = await SponsorsWorldAsync();
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await JsonWithoutVersionAsync(client, $"/api/sponsors/{lakeside.Id}");
        var csv = "Sponsor;Contact;Phone;Cities\nJoe's Pub;Jo Owner;;Milwaukee\nCafé Brüder;Zoë;;Milwaukee\nLakeside Bowl;Lee Lake;414-555-0199;Milwaukee\nHarbor Tap;Hal Harbor;;Milwaukee\n";
        var id = await StartAsync(client, "sponsors.csv", Encoding.GetEncoding(1252).GetBytes(csv), "sponsors", world.Milwaukee);
        await CommitAsync(client, id, "all");
        var listed = await ItemsAsync(client, "/api/sponsors?pageSize=100");
        var joes = listed.Single(s => s.GetProperty("name").GetString() == "Joe's Pub").GetProperty("id").GetGuid();
        var cafe = listed.Single(s => s.GetProperty("name").GetString() == "Café Brüder").GetProperty("id").GetGuid();
        await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee)).Id, "Otters", cafe);
        var edited = await World.SendAsSystemAsync(new UpdateSponsor(harbor.Id, new SponsorFields("Harbor Tap", "Edited Later", null, null, null, [world.Milwaukee])));

        var undo = await client.PostAsync($"/api/imports/{id}/undo", null);
        var undone = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(undone.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Undone), undone.Message);
            Assert.That((undone.Outcome!.Removed, undone.Outcome.Restored), Is.EqualTo((1, 1)));
            Assert.That(undone.Outcome.LeftAlone.Select(l => (l.Name, l.Reason)), Is.EquivalentTo(new[]
            {
                ("Café Brüder", "It sponsors a team now."), ("Harbor Tap", "It was changed since the import."),
            }));
            Assert.That((await client.GetAsync($"/api/sponsors/{joes}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "created by the import: removed");
            Assert.That((await JsonWithoutVersionAsync(client, $"/api/sponsors/{lakeside.Id}")).ToJsonString(), Is.EqualTo(before.ToJsonString()), "updated by the import: restored exactly");
            var harborNow = await World.SendAsSystemAsync(new GetSponsor(harbor.Id));
            Assert.That((harborNow.ContactName, harborNow.Version), Is.EqualTo((edited.ContactName, edited.Version)), "changed since: left alone");
            Assert.That((await client.GetAsync($"/api/sponsors/{cafe}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "sponsoring a team: left alone");
        });
    }

    [Test]
    public async Task SponsorsImport_ViewerCommitsOrUndoes_403()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        using var viewer = world.Client(Persona.MadisonViewer);
        var id = await StartAsync(admin, "sponsors.csv", "Sponsor,Cities\nBadger Bar,Madison\n"u8.ToArray(), "sponsors", world.Madison);

        var commit = await viewer.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
        var countAfterViewer = await SponsorCountAsync();
        await CommitAsync(admin, id, "all");
        var undo = await viewer.PostAsync($"/api/imports/{id}/undo", null);
        var import = await World.ImportSettledAsync(id);

        Assert.Multiple(async () =>
        {
            Assert.That((await viewer.GetAsync($"/api/imports/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the viewer sees it");
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(countAfterViewer, Is.Zero);
            Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(import.Status, Is.EqualTo(MidwestSports.Import.Contracts.ImportStatus.Committed));
            Assert.That(await SponsorCountAsync(), Is.EqualTo(1), "the admin's commit stands");
        });
    }

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

    /// <summary>Milwaukee's Lakeside Bowl and Harbor Tap, Chicago's Windy Grill; nothing imported yet.</summary>
    private async Task<(SponsorDto Lakeside, SponsorDto Harbor)> SponsorsWorldAsync()
    {
        var lakeside = await world.SponsorInAsync(world.Milwaukee, "Lakeside Bowl");
        var harbor = await world.SponsorInAsync(world.Milwaukee, "Harbor Tap");
        await world.SponsorInAsync(world.Chicago, "Windy Grill");
        return (lakeside, harbor);
    }

    /// <summary>Milwaukee's Tuesday Kickball and Wednesday Softball, Chicago's Thursday Softball (all Fall 2026); returns Wednesday Softball.</summary>
    private async Task<LeagueDto> LeaguesWorldAsync()
    {
        await world.LeagueInAsync(world.Milwaukee);
        await world.LeagueInAsync(world.Chicago, "Thursday Softball");
        return await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Wednesday Softball", "Softball", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Wednesday, "Recreational", LeagueStatus.Active)));
    }

    private static async Task<Guid> StartAsync(HttpClient client, string fileName, byte[] content, string kind, Guid? cityId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(kind), "kind" } };
        if (cityId is { } city)
        {
            form.Add(new StringContent(city.ToString()), "cityId");
        }

        var response = await client.PostAsync("/api/imports", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await World.ImportSettledAsync(id);
        return id;
    }

    /// <summary>Commits and waits for the background commit: the commit's answer and the import once settled.</summary>
    private static async Task<(HttpStatusCode Status, MidwestSports.Import.Contracts.ImportDto Import)> CommitAsync(HttpClient client, Guid id, string mode)
    {
        var response = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode });
        return (response.StatusCode, await World.ImportSettledAsync(id));
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, Guid id) =>
        await ItemsAsync(client, $"/api/imports/{id}/rows");

    private static (int, int, int, int) Counts(JsonElement import)
    {
        var counts = import.GetProperty("counts");
        return (counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("error").GetInt32());
    }

    private static (int, string?, string?, string?) Problem(JsonElement row)
    {
        var problem = row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean());
        return (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString(), problem.GetProperty("code").GetString());
    }

    private static string? ErrorMessage(JsonElement row) =>
        row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean()).GetProperty("message").GetString();

    /// <summary>A record as the API answers it, less its version (an undo's restore is itself a change, so the version grows).</summary>
    private static async Task<JsonObject> JsonWithoutVersionAsync(HttpClient client, string url)
    {
        var json = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
        json.Remove("version");
        return json;
    }

    private static Task<long> SponsorCountAsync() => Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM sponsors.sponsors");

    private static Task<long> LeagueCountAsync() => Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues");
}
