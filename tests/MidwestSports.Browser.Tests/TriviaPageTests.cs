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

        await page.GetByTestId("trivia-sync-now").ClickAsync();

        await Expect(page.GetByTestId("trivia-last-status")).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
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
}
