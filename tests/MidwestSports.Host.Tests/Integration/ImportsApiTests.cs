using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Importing teams over the API: templates per kind, a messy file previewed row by row (create, update, unchanged,
/// error with line, column, value, code and message), the team export read back as all unchanged, and every kind of
/// bad file refused with nothing stored.
/// </summary>
public sealed partial class ImportsApiTests
{
    private static readonly string[] Kinds = ["leagues", "sponsors", "teams", "players", "games"];

    private World world = null!;

    static ImportsApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Templates_EveryKind_CsvAndXlsxHoldTheSameHeader()
    {
        using var client = world.Client(Persona.MadisonViewer);

        foreach (var kind in Kinds)
        {
            var csv = await client.GetAsync($"/api/imports/templates/{kind}.csv");
            var xlsx = await client.GetAsync($"/api/imports/templates/{kind}.xlsx");
            var csvHeader = SheetFile.Open(await csv.Content.ReadAsByteArrayAsync()).Rows().Single().Cells;
            var xlsxFile = SheetFile.Open(await xlsx.Content.ReadAsByteArrayAsync(), "template.xlsx");

            Assert.Multiple(() =>
            {
                Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK), kind);
                Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
                Assert.That(csv.Content.Headers.ContentDisposition?.FileName, Does.Contain($"{kind}-template.csv"));
                Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK), kind);
                Assert.That(xlsxFile.Format.Sheet, Is.EqualTo(kind));
                Assert.That(xlsxFile.Rows().Single().Cells, Is.EqualTo(csvHeader), kind);
            });
        }
    }

    [Test]
    public async Task Templates_UnknownKind_404()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync("/api/imports/templates/umpires.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task StartImport_MessyTeamsFile_PreviewsEachRowAndChangesNoTeam()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        await world.LeagueInAsync(world.Chicago, "Thursday Softball");
        await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        await world.TeamInAsync(league.Id, "Otters");
        await world.TeamInAsync(league.Id, "Ospreys");
        var csv = """
            Fall 2026 teams;;;;;;
            Team;League;City;Season;Sponsor;Captain;Captain E-mail
            Otters;Tuesday Kickball;Milwaukee;Fall 2026;;Casey Captain;casey@example.org
            Herons;tuesday  kickball;Milwaukee;Fall 2026;JOES PUB ;Zoë Brontë;zoe@example.org
            Ospreys;Tuesday Kickball;Milwaukee;Fall 2026;;Robin New;casey@example.org
            herons;Tuesday Kickball;Milwaukee;Fall 2026;;Pat Lee;
            Bears;Thursday Softball;Chicago;Fall 2026;;Bo Bear;
            Moles;Tuesday Kickbal;Milwaukee;Fall 2026;;Mo Mole;
            Larks;Tuesday Kickball;Milwaukee;Fall 2026;;Kim Lark;not-an-email
            =Cmd();Tuesday Kickball;Milwaukee;Fall 2026;;Sam Cmd;
            """;
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var teamsBefore = await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams");

        var response = await PostAsync(client, "teams.csv", Encoding.GetEncoding(1252).GetBytes(csv), "teams", world.Milwaukee);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        var errors = (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}/rows?action=Error")).GetProperty("items").EnumerateArray().ToList();
        var updates = (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}/rows?action=Update")).GetProperty("items").EnumerateArray().ToList();
        var all = await ImportApi.RowsAsync(client, id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/imports/{id}"));
        Assert.Multiple(async () =>
        {
            Assert.That(import.GetProperty("status").GetString(), Is.EqualTo("Ready"));
            Assert.That(import.GetProperty("encoding").GetString(), Is.EqualTo("Windows-1252"));
            Assert.That(import.GetProperty("delimiter").GetString(), Is.EqualTo(";"));
            Assert.That(import.GetProperty("headerLine").GetInt32(), Is.EqualTo(2), "the header is found below the title row");
            Assert.That(import.GetProperty("columns")[6].GetProperty("field").GetString(), Is.EqualTo("captainEmail"));
            Assert.That(import.GetProperty("columns")[6].GetProperty("confidence").GetDouble(), Is.EqualTo(1.0));
            var counts = import.GetProperty("counts");
            Assert.That((counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("error").GetInt32()),
                Is.EqualTo((2, 1, 1, 4)), import.ToString());
            Assert.That(all.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("action").GetString())), Is.EqualTo(new[]
            {
                (3, "Unchanged"), (4, "Create"), (5, "Update"), (6, "Error"), (7, "Error"), (8, "Error"), (9, "Error"), (10, "Create"),
            }));
            Assert.That(errors.Select(Problem), Is.EqualTo(new[]
            {
                (6, "Team", "herons", "duplicate_in_file"),
                (7, "League", "Thursday Softball", "not_in_your_cities"),
                (8, "League", "Tuesday Kickbal", "league_not_found"),
                (9, "Captain E-mail", "not-an-email", "invalid_email"),
            }));
            Assert.That(errors[1].GetProperty("problems")[0].GetProperty("message").GetString(), Is.EqualTo("Thursday Softball is not in your cities."));
            Assert.That(errors[2].GetProperty("problems")[0].GetProperty("message").GetString(), Does.EndWith("Did you mean Tuesday Kickball?"), "a near match is offered, not applied");
            var change = updates.Single().GetProperty("changes").EnumerateArray().Single();
            Assert.That((change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()),
                Is.EqualTo(("captainName", "Casey Captain", "Robin New")));
            var formula = all[7].GetProperty("problems")[0];
            Assert.That((formula.GetProperty("code").GetString(), formula.GetProperty("error").GetBoolean()), Is.EqualTo(("formula", false)), "kept as text, flagged");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams"), Is.EqualTo(teamsBefore), "a preview changes no team");
        });
    }

    [Test]
    public async Task StartImport_TheTeamExportReadBack_IsAllUnchanged()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        await world.TeamInAsync(league.Id, "Otters", sponsor.Id);
        await world.TeamInAsync(league.Id, "Herons, the \"Fast\" Ones");
        await world.TeamInAsync((await world.LeagueInAsync(world.Milwaukee, "Wednesday Kickball")).Id, "Otters");
        await world.TeamInAsync(league.Id, "=Sum Of All Fears");
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var export = await client.GetByteArrayAsync("/api/teams/export.csv");

        var response = await PostAsync(client, "teams.csv", export, "teams", null);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(import.GetProperty("rows").GetInt32(), Is.EqualTo(4));
            Assert.That(import.GetProperty("counts").GetProperty("unchanged").GetInt32(), Is.EqualTo(4), "the export's defused '=Sum… reads back as the name: " + import);
            Assert.That(import.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("header").GetString() == "Created (UTC)").GetProperty("basis").GetString(),
                Is.EqualTo("Ignored"), "recognised columns and ignored ones are both listed");
        });
    }

    [TestCase("picture.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }, "PNG")]
    [TestCase("empty.csv", new byte[0], "empty")]
    [TestCase("locked.xlsx", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 }, "password-protected")]
    [TestCase("broken.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }, "could not be read")]
    [TestCase("logo.svg", new byte[] { 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'<', (byte)'s', (byte)'v', (byte)'g', (byte)'>' }, "SVG image")]
    [TestCase("bitmap.bmp", new byte[] { (byte)'B', (byte)'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0 }, "not a text (CSV) file")]
    public async Task StartImport_NotACsvOrWorkbook_400NamingFileAndNothingStored(string name, byte[] content, string says)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await PostAsync(client, name, content, "teams", world.Milwaukee);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain(says));
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_BadFormFields_400NamingEach()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var noKind = await PostAsync(client, "teams.csv", "Team,League\n"u8.ToArray(), "umpires", world.Milwaukee);
        var csvAsWorkbook = await PostAsync(client, "players.csv", "Team,Player\nOtters,Pat\n"u8.ToArray(), "workbook", world.Milwaukee);
        using var badCity = new MultipartFormDataContent { { new ByteArrayContent("Team\n"u8.ToArray()), "file", "t.csv" }, { new StringContent("teams"), "kind" }, { new StringContent("Milwaukee"), "cityId" } };
        var city = await client.PostAsync("/api/imports", badCity);

        Assert.Multiple(async () =>
        {
            Assert.That(noKind.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await noKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _), Is.True);
            Assert.That(csvAsWorkbook.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a workbook needs an .xlsx");
            Assert.That((await csvAsWorkbook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _), Is.True);
            Assert.That(city.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await city.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cityId", out _), Is.True);
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_Over20Megabytes_413AndNothingStored()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var big = Encoding.UTF8.GetBytes("Team,League,Captain\n" + string.Concat(Enumerable.Repeat("Otters,Tuesday Kickball,Casey Captain\n", 600_000)));

        var response = await PostAsync(client, "big.csv", big, "teams", world.Milwaukee);

        Assert.Multiple(async () =>
        {
            Assert.That(big, Has.Length.GreaterThan(20 * 1024 * 1024));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_Over200000Rows_400AndNothingStored()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var many = Encoding.UTF8.GetBytes("Team,League,Captain\n" + string.Concat(Enumerable.Repeat("O,L,C\n", 200_001)));

        var response = await PostAsync(client, "many.csv", many, "teams", world.Milwaukee);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("200,000"));
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_ForACityNotHeldOrAsViewer_403AndNothingStored()
    {
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        using var viewer = world.Client(Persona.MadisonViewer);

        var otherCity = await PostAsync(admin, "teams.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", world.Chicago);
        var readOnly = await PostAsync(viewer, "teams.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", world.Madison);
        var readOnlyBadForm = await PostAsync(viewer, "teams.csv", [], "umpires", null);

        Assert.Multiple(async () =>
        {
            Assert.That(otherCity.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(readOnly.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(readOnlyBadForm.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a viewer learns nothing of the form's faults");
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task GetImport_OfAnotherCityOrAnotherAdmin_404()
    {
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var chicago = world.Client(Persona.ChicagoAdmin);
        var ofCity = await IdAsync(await PostAsync(milwaukee, "teams.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", world.Milwaukee));
        var ofNoCity = await IdAsync(await PostAsync(milwaukee, "teams.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", null));

        Assert.Multiple(async () =>
        {
            Assert.That((await milwaukee.GetAsync($"/api/imports/{ofNoCity}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "its own admin sees it");
            Assert.That((await chicago.GetAsync($"/api/imports/{ofCity}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await chicago.GetAsync($"/api/imports/{ofNoCity}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await chicago.GetAsync($"/api/imports/{ofCity}/rows")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task ErrorsCsv_HoldsTheHeaderAndEachErrorRowAsUploadedWithItsMessage_FormulaSafe()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = "Team,League,Captain,Notes\n"
            + "Otters,Tuesday Kickball,Casey Young,fine\n"
            + "\"=HYPERLINK(\"\"http://x\"\")\",Monday Bowling,Pat Lee,\"two, parts\"\n"
            + "Herons,Tuesday Kickball,,kept\n";
        var id = await IdAsync(await PostAsync(client, "fall teams.csv", Encoding.UTF8.GetBytes(csv), "teams", world.Milwaukee));

        var response = await client.GetAsync($"/api/imports/{id}/errors.csv");
        var lines = SheetFile.Open(await response.Content.ReadAsByteArrayAsync()).Rows().Select(r => r.Cells).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Does.Contain("fall teams-errors.csv"));
            Assert.That(lines, Has.Count.EqualTo(3), "the header and the two error rows");
            Assert.That(lines[0], Is.EqualTo(new[] { "Team", "League", "Captain", "Notes", "Error" }));
            Assert.That(lines[1][0], Is.EqualTo("'=HYPERLINK(\"http://x\")"), "a formula-like cell is defused");
            Assert.That(lines[1][3], Is.EqualTo("two, parts"), "the unmapped column is kept as uploaded");
            Assert.That(lines[1][4], Does.Contain("No open league named Monday Bowling"));
            Assert.That(lines[2][4], Does.Contain("Captain is required"));
            var copies = Path.Combine(Path.GetTempPath(), "midwest-imports");
            Assert.That(Directory.Exists(copies) ? Directory.GetFiles(copies, $"{id:N}-*") : [], Is.Empty,
                "the analysis and the errors file read the stored file through a temporary copy, deleted after each reading");
        });
    }

    [Test]
    public async Task ListImports_ShowsYourCitiesAndYourOwnNewestFirst()
    {
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var chicago = world.Client(Persona.ChicagoAdmin);
        var first = await IdAsync(await PostAsync(milwaukee, "first.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", world.Milwaukee));
        var own = await IdAsync(await PostAsync(milwaukee, "own.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", null));
        var chicagos = await IdAsync(await PostAsync(chicago, "chicago.csv", "Team,League,Captain\nA,B,C\n"u8.ToArray(), "teams", world.Chicago));

        var history = await milwaukee.GetFromJsonAsync<JsonElement>("/api/imports");

        Assert.Multiple(() =>
        {
            Assert.That(history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { own, first }));
            Assert.That(history.GetProperty("totalCount").GetInt64(), Is.EqualTo(2));
            Assert.That(history.GetProperty("items")[1].GetProperty("counts").GetProperty("error").GetInt32(), Is.EqualTo(1));
            Assert.That(chicagos, Is.Not.EqualTo(Guid.Empty));
        });
    }

    private static (int, string?, string?, string?) Problem(JsonElement row)
    {
        var problem = row.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("error").GetBoolean());
        return (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString(), problem.GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string fileName, byte[] content, string kind, Guid? cityId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(kind), "kind" } };
        if (cityId is { } city)
        {
            form.Add(new StringContent(city.ToString()), "cityId");
        }

        var response = await client.PostAsync("/api/imports", form);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            // The analysis runs in the background: the tests read the preview once it is done.
            var body = await response.Content.ReadAsStringAsync();
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            await World.ImportSettledAsync(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        }

        return response;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<long> StoredAsync() =>
        await Database.Postgres.ScalarAsync<long>("SELECT (SELECT count(*) FROM import.imports) + (SELECT count(*) FROM import.import_rows) + (SELECT count(*) FROM import.import_files)");
}
