using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Two admins on one team: the second save says the team changed since it was opened, and a reload shows the other admin's change.</summary>
public sealed class StaleEditTests
{
    [Test]
    public async Task TeamForm_SavedByAnotherAdminMeanwhile_SaysSoAndReloadShowsTheirChange()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT id FROM teams.teams WHERE city_id IN (SELECT id FROM leagues.cities WHERE name = 'Milwaukee') ORDER BY name LIMIT 1");
        var page = await BrowserSession.OpenAsync($"/teams/{teamId}");
        var captain = page.GetByTestId("team-captain");
        await Expect(captain).Not.ToHaveValueAsync(string.Empty);

        // Another admin saves the team (a new version) while this form is open.
        await BrowserSession.Postgres.ExecuteAsync("UPDATE teams.teams SET captain_name = 'Other Admin Captain', version = version + 1 WHERE id = $1", teamId);
        await captain.FillAsync("My Captain");
        await page.GetByTestId("team-save").ClickAsync();

        await Expect(page.GetByTestId("team-message")).ToContainTextAsync("changed by someone else since you opened it");
        await BrowserSession.ScreenshotAsync(page, "team-stale-edit");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<string>("SELECT captain_name FROM teams.teams WHERE id = $1", teamId), Is.EqualTo("Other Admin Captain"));
        await page.GetByTestId("form-reload").ClickAsync();
        await Expect(captain).ToHaveValueAsync("Other Admin Captain");
        await page.Context.CloseAsync();
    }
}
