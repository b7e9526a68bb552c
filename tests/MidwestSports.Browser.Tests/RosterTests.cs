using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The roster under the team form: an admin adds a player, sees them listed as captain, and a bad email is named beside its field.</summary>
public sealed class RosterTests
{
    [Test]
    public async Task TeamForm_AddPlayer_ListsThemAsCaptainAndRefusesABadEmail()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT id FROM teams.teams WHERE city_id IN (SELECT id FROM leagues.cities WHERE name = 'Milwaukee') ORDER BY name OFFSET 1 LIMIT 1");
        var page = await BrowserSession.OpenAsync($"/teams/{teamId}");
        var roster = page.GetByTestId("team-roster");
        await Expect(roster).ToBeVisibleAsync();

        await page.GetByTestId("roster-name").FillAsync("Robin Roster");
        await page.GetByTestId("roster-email").FillAsync("not-an-email");
        await page.GetByTestId("roster-add").ClickAsync();
        await Expect(page.GetByTestId("roster-message")).ToContainTextAsync("correct the highlighted fields");

        await page.GetByTestId("roster-email").FillAsync("robin.roster@example.org");
        await page.GetByTestId("roster-captain").ClickAsync();
        await page.GetByTestId("roster-add").ClickAsync();

        await Expect(page.GetByTestId("roster-row").Filter(new() { HasText = "Robin Roster" })).ToContainTextAsync("Captain");
        await BrowserSession.ScreenshotAsync(page, "team-roster");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<string>("SELECT email FROM teams.players WHERE team_id = $1 AND is_captain", teamId), Is.EqualTo("robin.roster@example.org"));
        await page.Context.CloseAsync();
    }
}
