using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>A viewer's forms say they are read-only and offer no save or destructive action (issue 13).</summary>
public sealed class ReadOnlyFormTests
{
    [Test]
    public async Task TeamForm_AsAViewer_SaysReadOnlyAndOffersNoSaveOrDelete()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT team_id FROM teams.team_listing WHERE city_name = 'Madison' ORDER BY name LIMIT 1");
        var page = await BrowserSession.OpenAsync($"/teams/{teamId}", BrowserSession.ViewerEmail);

        await Expect(page.GetByTestId("read-only-notice")).ToContainTextAsync("You can view this team but not change it");
        await Expect(page.GetByTestId("team-save")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("team-delete")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TeamForm_AsAnAdmin_ShowsNoReadOnlyNotice()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT team_id FROM teams.team_listing WHERE city_name = 'Milwaukee' ORDER BY name LIMIT 1");
        var page = await BrowserSession.OpenAsync($"/teams/{teamId}", BrowserSession.MilwaukeeAdminEmail);

        await Expect(page.GetByTestId("team-save")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("read-only-notice")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
