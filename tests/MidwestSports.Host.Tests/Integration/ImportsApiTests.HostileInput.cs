using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Import.Contracts;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Files and requests an attacker or a broken tool sends: each is a clear 400 (or 404) naming what is wrong, never a
/// 500, and nothing is stored; a workbook's errors file and template; a kind that fails unexpectedly mid-commit.
/// </summary>
public sealed partial class ImportsApiTests
{
    [Test]
    public async Task StartImport_ARecordLongerThanOneMegabyte_400WithItsLineAndNothingStored()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var csv = Encoding.UTF8.GetBytes("Team,League,Captain\nOtters,Tuesday Kickball,Casey\n\"Herons,Tuesday Kickball," + new string('x', 1_200_000) + "\n");

        var response = await PostAsync(client, "unclosed.csv", csv, "teams", world.Milwaukee);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("Line 3").And.Contain("longer than 1 MB"));
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [TestCase("<x", "the workbook part is not XML")]
    [TestCase("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Teams\" sheetId=\"1\" r:id=\"rId9\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></sheets></workbook>", "a sheet without its part")]
    public async Task StartImport_AZipWithABrokenWorkbookPart_400AndNothingStored(string workbookXml, string what)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var writer = new StreamWriter(archive.CreateEntry("xl/workbook.xml").Open()))
            {
                await writer.WriteAsync(workbookXml);
            }

            await using (var writer = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                await writer.WriteAsync("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }
        }

        var response = await PostAsync(client, "broken.xlsx", zip.ToArray(), "teams", world.Milwaukee);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), what + ": " + await response.Content.ReadAsStringAsync());
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_AMalformedMultipartBody_400AndNothingStored()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        using var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nteams\r\n--x--\r\n"u8.ToArray());
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        using var cutShort = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n\r\nTeam,League\r\nOtt"u8.ToArray());
        cutShort.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var responses = new[] { await client.PostAsync("/api/imports", noBoundary), await client.PostAsync("/api/imports", cutShort) };

        Assert.Multiple(async () =>
        {
            foreach (var response in responses)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
                Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _), Is.True);
            }

            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task StartImport_ACityIdOfNoCity_400AndAVeryLongFileName_KeptShortWithItsExtension()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.SystemAdmin);
        var csv = "Team,League,Captain\nOtters,Tuesday Kickball,Casey\n"u8.ToArray();

        var noCity = await PostAsync(client, "teams.csv", csv, "teams", Guid.NewGuid());
        var storedAfterNoCity = await StoredAsync();
        var longName = await PostAsync(client, new string('n', 400) + ".csv", csv, "teams", world.Milwaukee);
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{await IdAsync(longName)}");
        // HttpClient refuses a NUL in a header: the form is written by hand, as a hostile client would.
        using var nulForm = new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nteams\r\n--b\r\nContent-Disposition: form-data; name=\"cityId\"\r\n\r\n{world.Milwaukee}\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fall\u0000teams.csv\"\r\nContent-Type: text/csv\r\n\r\nTeam,League,Captain\r\nOtters,Tuesday Kickball,Casey\r\n--b--\r\n"));
        nulForm.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var withNul = await client.PostAsync("/api/imports", nulForm);
        var nulName = withNul.IsSuccessStatusCode
            ? (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{await IdAsync(withNul)}")).GetProperty("fileName").GetString()
            : null;

        Assert.Multiple(async () =>
        {
            Assert.That(noCity.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await noCity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cityId", out _), Is.True);
            Assert.That(storedAfterNoCity, Is.Zero);
            Assert.That(longName.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            var name = import.GetProperty("fileName").GetString();
            Assert.That((name?.Length, name?.EndsWith(".csv", StringComparison.Ordinal)), Is.EqualTo(((int?)260, (bool?)true)));
            Assert.That(import.GetProperty("counts").GetProperty("create").GetInt32(), Is.EqualTo(1));
            Assert.That((withNul.StatusCode, nulName), Is.EqualTo((HttpStatusCode.Created, "fallteams.csv")), "a NUL in the name is dropped, not a 500");
        });
    }

    [Test]
    public async Task StartImport_AWorkbookOverTheRowLimitAcrossItsSheets_400AndNothingStored()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        object?[][] Sheet(string header) => [[header, "League"], .. Enumerable.Range(0, 100_001).Select(i => new object?[] { $"N{i}", "L" })];
        var workbook = Workbook(("Teams", Sheet("Team")), ("Players", Sheet("Player")));

        var response = await PostAsync(client, "cutover.xlsx", workbook, "workbook", world.Milwaukee);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "200,002 rows in two sheets of 100,001");
            Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("200,000"));
            Assert.That(await StoredAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Templates_Workbook_XlsxHasASheetPerKindInOrder_AndNoCsv()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var xlsx = await client.GetAsync("/api/imports/templates/workbook.xlsx");
        var csv = await client.GetAsync("/api/imports/templates/workbook.csv");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var sheets = SheetFile.Open(bytes, "workbook.xlsx").Format.Sheets;
        var teamsHeader = SheetFile.Open(bytes, "workbook.xlsx", "teams").Rows().Single().Cells;
        var teamsTemplate = SheetFile.Open(await client.GetByteArrayAsync("/api/imports/templates/teams.csv")).Rows().Single().Cells;

        Assert.Multiple(() =>
        {
            Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(sheets, Is.EqualTo(Kinds), "applied in this order");
            Assert.That(teamsHeader, Is.EqualTo(teamsTemplate));
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a CSV holds one kind");
        });
    }

    [Test]
    public async Task ErrorsCsv_Workbook_EachSheetsErrorRowsUnderItsOwnHeader_WithTheSheet()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var workbook = Workbook(
            ("Leagues", [["League", "Sport", "City", "Season", "Night", "Level"], ["Sunday Kickball", "Kickball", "Milwaukee", "Someday", "Sunday", "Recreational"]]),
            ("Teams", [["Team", "League", "City", "Season", "Captain"], ["Otters", "Sunday Kickball", "Milwaukee", "Spring 2027", ""]]));
        var id = await IdAsync(await PostAsync(client, "cutover.xlsx", workbook, "workbook", world.Milwaukee));

        var response = await client.GetAsync($"/api/imports/{id}/errors.csv");
        var lines = SheetFile.Open(await response.Content.ReadAsByteArrayAsync()).Rows().Select(r => r.Cells).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(lines.Select(l => l[0]), Is.EqualTo(new[] { "Sheet", "Leagues", "Sheet", "Teams" }), "both sheets have an error on their line 2");
            Assert.That(lines[0], Is.EqualTo(new[] { "Sheet", "League", "Sport", "City", "Season", "Night", "Level", "Error" }));
            Assert.That(lines[1][4], Is.EqualTo("Someday"));
            Assert.That(lines[2], Is.EqualTo(new[] { "Sheet", "Team", "League", "City", "Season", "Captain", "Error" }));
            Assert.That(lines[3][1], Is.EqualTo("Otters"));
            Assert.That(lines[3][^1], Does.Contain("No open league named Sunday Kickball"), "its league is an error row of the other sheet");
        });
    }

    [Test]
    public async Task ErrorsCsv_ReadsTheFileInTheEncodingTheAdminChose()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", "Team,League,Captain\nCafé Crew,Tuesday Kickball,\n"u8.ToArray(), "teams", world.Milwaukee));
        await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { encoding = "Windows-1252" });
        await World.ImportSettledAsync(id);

        var previewed = (await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}/rows")).GetProperty("items")[0].GetProperty("values").GetProperty("name").GetString();
        var errors = SheetFile.Open(await client.GetByteArrayAsync($"/api/imports/{id}/errors.csv")).Rows().Select(r => r.Cells).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(previewed, Is.EqualTo("CafÃ© Crew"), "UTF-8 read as Windows-1252, as the admin chose");
            Assert.That(errors[1][0], Is.EqualTo(previewed), "the errors file reads the file as the preview did");
        });
    }

    [Test]
    public async Task Mapping_AColumnChoiceWithoutItsIndex_400NamingIt_AndTheMappingKept()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", "Team,League,Captain\nOtters,Tuesday Kickball,Casey\n"u8.ToArray(), "teams", world.Milwaukee));

        var put = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { columns = new[] { new { field = "captainName" } } });
        var problem = await put.Content.ReadAsStringAsync();
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem);
            Assert.That(problem, Does.Contain("index"));
            Assert.That(import.GetProperty("columns")[0].GetProperty("field").GetString(), Is.EqualTo("name"), "column 0 still feeds the team's name");
        });
    }

    [Test]
    public async Task Commit_ModesJoinedByAComma_400()
    {
        await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var id = await IdAsync(await PostAsync(client, "teams.csv", "Team,League,Captain\nOtters,Tuesday Kickball,Casey\n"u8.ToArray(), "teams", world.Milwaukee));

        var joined = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all,valid" });
        var number = await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "1" });
        var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

        Assert.Multiple(() =>
        {
            Assert.That((joined.StatusCode, number.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
            Assert.That(import.GetProperty("status").GetString(), Is.EqualTo("Ready"), "nothing committed");
        });
    }

    [Test]
    public async Task Commit_ALaterKindFailingUnexpectedly_KeepsTheEarlierKindRecordedSaysSo_AndUndoTakesItBack()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var workbook = Workbook(
            ("Leagues", [["League", "Sport", "City", "Season", "Night", "Level"], ["Sunday Kickball", "Kickball", "Milwaukee", "Spring 2027", "Sunday", "Recreational"]]),
            ("Teams", [["Team", "League", "City", "Season", "Captain"], ["Otters", "Sunday Kickball", "Milwaukee", "Spring 2027", "Casey Captain"]]));
        var id = await IdAsync(await PostAsync(client, "cutover.xlsx", workbook, "workbook", world.Milwaukee));
        // A fault no rule of the Teams module knows: the database refuses the team.
        await Database.Postgres.ExecuteAsync("""
            CREATE FUNCTION teams.refuse_otters() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
            CREATE TRIGGER refuse_otters BEFORE INSERT ON teams.teams FOR EACH ROW WHEN (NEW.name = 'Otters') EXECUTE FUNCTION teams.refuse_otters();
            """);
        ImportDto committed, undone;
        long leaguesAfterCommit, leaguesAfterUndo;
        try
        {
            await client.PostAsJsonAsync($"/api/imports/{id}/commit", new { mode = "all" });
            committed = await World.ImportSettledAsync(id);
            leaguesAfterCommit = await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues WHERE name = 'Sunday Kickball'");
            await client.PostAsync($"/api/imports/{id}/undo", null);
            undone = await World.ImportSettledAsync(id);
            leaguesAfterUndo = await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.leagues WHERE name = 'Sunday Kickball'");
        }
        finally
        {
            await Database.Postgres.ExecuteAsync("DROP TRIGGER refuse_otters ON teams.teams; DROP FUNCTION teams.refuse_otters();");
        }

        Assert.Multiple(async () =>
        {
            Assert.That((committed.Status.ToString(), committed.Outcome?.Created), Is.EqualTo(("Committed", (int?)1)), committed.Message);
            Assert.That(committed.Message, Does.Contain("The teams were not imported").And.Contain("undo"));
            Assert.That(leaguesAfterCommit, Is.EqualTo(1), "the leagues' module committed before the teams failed");
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams WHERE name = 'Otters'"), Is.Zero);
            Assert.That((undone.Status.ToString(), undone.Outcome?.Removed), Is.EqualTo(("Undone", (int?)1)), undone.Message);
            Assert.That(leaguesAfterUndo, Is.Zero, "the undo reaches what was applied");
        });
    }
}
