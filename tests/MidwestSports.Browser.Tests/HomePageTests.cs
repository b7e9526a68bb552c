using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The home page per role (issue 13): a city admin's week first, system health for system admins only.</summary>
public sealed class HomePageTests
{
    [Test]
    public async Task Home_AsACityAdmin_ShowsTheWeekAndNoSystemHealth()
    {
        var page = await BrowserSession.OpenAsync("/", BrowserSession.MilwaukeeAdminEmail);

        await Expect(page.GetByTestId("home-week")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("home-unscored")).ToContainTextAsync("Past their night without a score");
        await Expect(page.GetByTestId("home-unscheduled")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("module-status")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "home-city-admin");
        await page.Context.CloseAsync();
    }
}
