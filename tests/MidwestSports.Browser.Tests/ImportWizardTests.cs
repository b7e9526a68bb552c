using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// The import wizard at /imports: a city admin imports a real workbook of three teams through every step and finds them
/// in the team table; a viewer is told they cannot import; a file whose header names nothing is called out at mapping.
/// </summary>
public sealed class ImportWizardTests
{
    private static readonly string[] TeamNames = ["Zyzzyva Alpha Kickers", "Zyzzyva Bravo Boots", "Zyzzyva Charlie Chasers"];

    [Test]
    public async Task Wizard_WorkbookOfThreeTeams_CommitsThemAndTheyAreInTheTeamTable()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.MilwaukeeAdminEmail);

        await UploadAsync(page, new FilePayload
        {
            Name = "fall-teams.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = TeamsWorkbook(),
        });

        var mapping = page.GetByTestId("import-step-mapping");
        await Expect(mapping).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("import-to-preview")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var headers = await page.GetByTestId("import-column-header").AllInnerTextsAsync();
        Assert.That(headers, Is.EquivalentTo(new[] { "Team", "League", "City", "Season", "Captain", "Captain Email" }));
        await Expect(page.GetByTestId("import-no-match")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "imports-mapping");

        await page.GetByTestId("import-to-preview").ClickAsync();
        await Expect(page.GetByTestId("import-count-create")).ToHaveTextAsync("3 create");
        await Expect(page.GetByTestId("import-count-error")).ToHaveTextAsync("0 error");
        var creates = page.GetByTestId("import-rows-create");
        foreach (var name in TeamNames)
        {
            await Expect(creates).ToContainTextAsync(name);
        }

        await page.SetViewportSizeAsync(1440, 900);
        await BrowserSession.ScreenshotAsync(page, "imports-preview");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(page, "imports-preview-phone");
        Assert.That(await BrowserSession.FitsTheWidthAsync(page), Is.True, "the preview scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByTestId("import-to-commit").ClickAsync();
        await page.GetByTestId("import-commit").ClickAsync();

        await Expect(page.GetByTestId("import-step-result")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-outcome-created")).ToHaveTextAsync("3 created");
        await Expect(page.GetByTestId("import-undo")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "imports-result");

        await page.GetByTestId("import-open-list").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/teams", StringComparison.Ordinal));
        await page.GotoAsync(BrowserSession.BaseUrl + "/teams?q=Zyzzyva");
        var table = page.GetByTestId("teams-table");
        foreach (var name in TeamNames)
        {
            await Expect(table.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Wizard_UndoAfterCommit_AsksFirstThenRemovesTheTeamAndTheHistorySaysUndone()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.MilwaukeeAdminEmail);
        await UploadAsync(page, new FilePayload
        {
            Name = "one-team.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Team;League;Captain\nQuokka Undo Squad;Milwaukee Tuesday Kickball;Una Undo\n"),
        });
        await Expect(page.GetByTestId("import-read-as")).ToContainTextAsync("separated by semicolons", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("import-to-preview")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("import-to-preview").ClickAsync();
        await Expect(page.GetByTestId("import-count-create")).ToHaveTextAsync("1 create");
        await page.GetByTestId("import-to-commit").ClickAsync();
        await page.GetByTestId("import-commit").ClickAsync();
        await Expect(page.GetByTestId("import-outcome-created")).ToHaveTextAsync("1 created", new() { Timeout = 30_000 });

        await page.GetByTestId("import-undo").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("The 1 records it created will be removed");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Undo the import" }).ClickAsync();

        await Expect(page.GetByTestId("import-undone")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-outcome-removed")).ToHaveTextAsync("1 removed by undo");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams WHERE name = 'Quokka Undo Squad'"), Is.Zero);
        await page.GetByText("History", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("import-history").Locator("tr").Filter(new() { HasText = "one-team.csv" })).ToContainTextAsync("Undone");
        await page.SetViewportSizeAsync(390, 844);
        Assert.That(await BrowserSession.FitsTheWidthAsync(page), Is.True, "the history scrolls sideways at 390 px");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Preview_NearNameOfAnExistingTeam_OffersItAndAcceptingMakesTheRowAnUpdate()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.MilwaukeeAdminEmail);
        await UploadAsync(page, new FilePayload
        {
            Name = "softball.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Team,League,Season,Captain\nBrew Crews,Milwaukee Thursday Softball,Spring 2027,Casey Captain\n"),
        });
        await Expect(page.GetByTestId("import-to-preview")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("import-to-preview").ClickAsync();

        var creates = page.GetByTestId("import-rows-create");
        await Expect(creates.GetByTestId("import-row-problem")).ToContainTextAsync("has a team named Brew Crew");
        await creates.GetByTestId("import-suggestion-accept").ClickAsync();

        await Expect(page.GetByTestId("import-count-update")).ToHaveTextAsync("1 update", new() { Timeout = 30_000 });
        await page.GetByTestId("import-tabs").GetByText("Update (1)").ClickAsync();
        await Expect(page.GetByTestId("import-rows-update").GetByTestId("import-row-change")).ToContainTextAsync("Brew Crew → Brew Crews");
        await Expect(page.GetByTestId("import-row-decision")).ToContainTextAsync("Suggestion accepted: updates the existing record");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Imports_AsViewer_SaysTheyCannotImport()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.ViewerEmail);

        await Expect(page.GetByTestId("import-read-only")).ToContainTextAsync("you cannot import");
        await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Wizard_CsvWhoseHeaderMatchesNothing_SaysSoAtMapping()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.MilwaukeeAdminEmail);
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("import-templates")).ToContainTextAsync("Players:");
        await BrowserSession.ScreenshotAsync(page, "imports-upload-phone");
        Assert.That(await BrowserSession.FitsTheWidthAsync(page), Is.True, "the upload step scrolls sideways at 390 px");

        await UploadAsync(page, new FilePayload
        {
            Name = "mystery.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Foo,Bar,Baz\n1,2,3\n4,5,6\n"),
        });

        var message = page.GetByTestId("import-no-match");
        await Expect(message).ToContainTextAsync("matches no field of teams", new() { Timeout = 30_000 });
        await Expect(message).ToContainTextAsync("Foo, Bar, Baz");
        await Expect(page.GetByTestId("import-column-header")).ToHaveCountAsync(3);

        // The admin maps the columns by hand and applies: the file is planned again with them.
        var fields = page.GetByTestId("import-column-field");
        foreach (var (index, field) in new[] { (0, "Team (required)"), (1, "League (required)"), (2, "Captain (required)") })
        {
            await fields.Nth(index).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = field, Exact = true }).ClickAsync();
        }

        await page.GetByTestId("import-apply").ClickAsync();
        // The message goes as soon as the analysis restarts; the mapping's confidences come when it has finished.
        await Expect(page.GetByTestId("import-column-confidence")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(message).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("import-missing")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Wizard_APictureUploaded_SaysItIsNoSpreadsheetAndStaysAtUpload()
    {
        var page = await BrowserSession.OpenAsync("/imports", BrowserSession.MilwaukeeAdminEmail);

        await UploadAsync(page, new FilePayload
        {
            Name = "teams.csv",
            MimeType = "text/csv",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
        });

        await Expect(page.GetByTestId("import-upload-message")).ToContainTextAsync("This is a PNG image, not a spreadsheet", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("import-choose")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Chooses a file once the file input is wired to the circuit (a file chosen earlier would be lost).</summary>
    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        await page.Locator("[data-testid=import-upload-ready][data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
    }

    /// <summary>A real .xlsx with one sheet of three teams for the seeded Milwaukee kickball league.</summary>
    private static byte[] TeamsWorkbook()
    {
        var rows = TeamNames.Select((name, i) => new Dictionary<string, object>
        {
            ["Team"] = name,
            ["League"] = "Milwaukee Tuesday Kickball",
            ["City"] = "Milwaukee",
            ["Season"] = "Fall 2026",
            ["Captain"] = $"Captain {i + 1}",
            ["Captain Email"] = $"captain{i + 1}@zyzzyva.example.org",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Teams", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
