using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Sponsors: one per normalised name, suggestions, commit, 409, undo, viewer.</summary>
public sealed partial class ImportsKindsSponsorsLeaguesTests
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

    /// <summary>Milwaukee's Lakeside Bowl and Harbor Tap, Chicago's Windy Grill; nothing imported yet.</summary>
    private async Task<(SponsorDto Lakeside, SponsorDto Harbor)> SponsorsWorldAsync()
    {
        var lakeside = await world.SponsorInAsync(world.Milwaukee, "Lakeside Bowl");
        var harbor = await world.SponsorInAsync(world.Milwaukee, "Harbor Tap");
        await world.SponsorInAsync(world.Chicago, "Windy Grill");
        return (lakeside, harbor);
    }

    private static Task<long> SponsorCountAsync() => Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM sponsors.sponsors");
}
