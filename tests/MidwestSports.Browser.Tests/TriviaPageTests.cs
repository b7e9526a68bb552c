using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>An admin syncs trivia now (the app's own fake partner) and sees the league's standings from the synced nights.</summary>
public sealed class TriviaPageTests
{
    [Test]
    public async Task Trivia_SyncNow_ShowsTheRunAndTheStandings()
    {
        var page = await BrowserSession.OpenAsync("/trivia");

        await TriviaSync.SyncNowAsync(page);
        var rows = page.GetByTestId("trivia-standings").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var teams = await page.GetByTestId("trivia-standing-team").AllInnerTextsAsync();
        Assert.That(teams, Has.Count.EqualTo(8));
        await BrowserSession.ScreenshotAsync(page, "trivia-standings");
        await page.GetByText("Review queue").ClickAsync();
        await Expect(page.GetByTestId("trivia-queue")).ToContainTextAsync("Guest Team Of The Week");
        await BrowserSession.ScreenshotAsync(page, "trivia-review-queue");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Trivia_UploadTab_PreviewsAFileWithItsRowMessagesAndDiscardsIt()
    {
        var page = await BrowserSession.OpenAsync("/trivia");
        var csv = "Event ID;Status;Date;Start Time;Venue ID;Venue Name;City;Team ID;Team Name;R1;Bonus;Total;Rank\n"
            + "ev-browser-1;final;2026-11-03;19:00;v-browser;Nowhere Pub;Nowhere;t-1;Browser Brains;40;0;40;1\n"
            + "ev-browser-1;final;2026-11-03;19:00;v-browser;Nowhere Pub;Nowhere;t-2;Click Masters;3O;0;30;2\n";

        await page.GetByText("Upload", new() { Exact = true }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "nights.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        await Expect(page.GetByTestId("trivia-upload-preview")).ToContainTextAsync("read as UTF-8, separated by ';'", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("trivia-upload-messages")).ToContainTextAsync("R1 '3O' is not a whole number");
        await BrowserSession.ScreenshotAsync(page, "trivia-upload-preview");
        await page.GetByTestId("trivia-upload-discard").ClickAsync();
        await Expect(page.GetByTestId("trivia-upload-preview")).ToContainTextAsync("Discarded");
        await page.Context.CloseAsync();
    }
}
