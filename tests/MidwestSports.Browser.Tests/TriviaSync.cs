using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>"Sync now" on the trivia page, waited for until the page shows the run it started.</summary>
internal static class TriviaSync
{
    /// <summary>
    /// Clicks "Sync now" and waits until the card shows a run other than the one it showed before (so an earlier run's
    /// "Succeeded" never counts), that run succeeded, and the button is back, which it is only once the page has reloaded.
    /// </summary>
    internal static async Task SyncNowAsync(IPage page)
    {
        var card = page.GetByTestId("trivia-sync-card");
        var before = await card.GetAttributeAsync("data-run-id");
        await page.GetByTestId("trivia-sync-now").ClickAsync();

        var another = before is null ? new Regex(".+") : new Regex($"^(?!{Regex.Escape(before)}$).+");
        await Expect(card).ToHaveAttributeAsync("data-run-id", another, new() { Timeout = 30_000 });
        var started = await card.GetAttributeAsync("data-run-id");
        await Expect(page.GetByTestId("trivia-last-status")).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("trivia-sync-now")).ToHaveTextAsync("Sync now", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("trivia-sync-now")).ToBeEnabledAsync();
        // The button is back and the card now shows the page's latest run: it must be this one (the page reloaded it).
        await Expect(card).ToHaveAttributeAsync("data-run-id", started!);
        await Expect(page.GetByTestId("trivia-last-status")).ToHaveTextAsync("Succeeded");
    }
}
