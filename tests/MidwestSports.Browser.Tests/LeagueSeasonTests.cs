using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>A season as an admin runs it: plan the schedule, save it, enter results, watch the standings, seed the playoffs.</summary>
public sealed class LeagueSeasonTests
{
    [Test]
    public async Task Season_ScheduleEightTeamsEnterTwoResults_StandingsChangeAndBracketRenders()
    {
        var page = await BrowserSession.OpenAsync($"/leagues/{BrowserSession.SeasonLeagueId}/season", BrowserSession.MilwaukeeAdminEmail);

        // Preview first: nothing is saved until the admin says so.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firstThursday = today.AddDays(30 + (((int)DayOfWeek.Thursday - (int)today.AddDays(30).DayOfWeek + 7) % 7));
        await page.GetByTestId("schedule-start").FillAsync(firstThursday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("schedule-weeks").FillAsync("7");
        await page.GetByTestId("schedule-preview").ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToContainTextAsync("28 games placed, 0 could not be placed");
        await Expect(page.GetByTestId("games-table").GetByTestId("game-row")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "season-schedule-preview");

        await page.GetByTestId("schedule-commit").ClickAsync();
        await Expect(page.GetByTestId("season-message")).ToContainTextAsync("Schedule saved: 28 games");
        var rows = page.GetByTestId("games-table").GetByTestId("game-row");
        await Expect(rows).ToHaveCountAsync(28);

        // Two results.
        await EnterScoreAsync(page, rows.Nth(0), "5", "2");
        await EnterScoreAsync(page, rows.Nth(1), "3", "8");
        await Expect(rows.Nth(0).GetByTestId("game-score")).ToHaveTextAsync("2-5");
        await BrowserSession.ScreenshotAsync(page, "season-schedule");

        // The standings have changed: two winners, and every position says why.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Standings" }).ClickAsync();
        // The tab may still show the standings it drew before the results: wait for the two wins before reading.
        await Expect(page.GetByTestId("standings-won").Filter(new() { HasText = "1" })).ToHaveCountAsync(2);
        var won = await page.GetByTestId("standings-won").AllInnerTextsAsync();
        var leader = await page.GetByTestId("standings-team").First.InnerTextAsync();
        Assert.That(won.Select(int.Parse).Sum(), Is.EqualTo(2));
        await Expect(page.GetByTestId("standings-rules")).ToContainTextAsync("Tie-breakers");
        await BrowserSession.ScreenshotAsync(page, "season-standings");

        // Seed a four-team bracket from the standings: three matches render, 1 v 4 and 2 v 3 first.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Playoffs" }).ClickAsync();
        await page.GetByTestId("playoff-teams").FillAsync("4");
        await page.GetByTestId("playoff-create").ClickAsync();
        await Expect(page.GetByTestId("bracket-match")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("bracket-match").First).ToContainTextAsync("1. " + leader);
        await Expect(page.GetByTestId("bracket-match").First).ToContainTextAsync("4. ");
        await BrowserSession.ScreenshotAsync(page, "season-bracket");
        await page.Context.CloseAsync();
    }

    private static async Task EnterScoreAsync(IPage page, ILocator row, string home, string away)
    {
        await row.GetByTestId("enter-score").ClickAsync();
        await page.GetByTestId("score-home").FillAsync(home);
        await page.GetByTestId("score-away").FillAsync(away);
        await page.GetByTestId("score-save").ClickAsync();
        await Expect(page.GetByTestId("season-message")).ToContainTextAsync("Result saved");
    }
}
