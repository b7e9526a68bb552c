using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

public sealed class ShellTests
{
    [Test]
    public async Task SystemPage_FreshDatabase_ShowsEveryModuleMigrated()
    {
        var page = await BrowserSession.OpenAsync("/system");

        var cards = page.Locator("[data-module]");
        await Expect(cards).ToHaveCountAsync(7);
        foreach (var module in new[] { "Identity", "Leagues", "Sponsors", "Teams", "Trivia", "PublicSite", "Import" })
        {
            await Expect(page.Locator($"[data-module={module}]")).ToContainTextAsync("migrated");
            await Expect(page.Locator($"[data-module={module}] [data-testid=outbox-backlog]")).ToContainTextAsync("Outbox backlog: 0");
        }

        await BrowserSession.ScreenshotAsync(page, "system");
        await page.CloseAsync();
    }

    [TestCase("Leagues")]
    [TestCase("Cities")]
    [TestCase("Teams")]
    [TestCase("Sponsors")]
    [TestCase("Trivia")]
    public async Task Navigation_ModuleLink_OpensTheModulePage(string module)
    {
        var page = await BrowserSession.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = module, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(BrowserSession.BaseUrl + "/" + module.ToLowerInvariant());
        await Expect(page.Locator("h4").First).ToHaveTextAsync(module);
        await BrowserSession.ScreenshotAsync(page, module.ToLowerInvariant());
        await page.CloseAsync();
    }

    [Test]
    public async Task Cities_AddCityWithBadFieldsThenGoodOnes_ShowsMessageThenTheCity()
    {
        var page = await BrowserSession.OpenAsync("/cities");
        var name = $"Green Bay {Guid.NewGuid().ToString("N")[..4]}";

        await page.GetByTestId("city-name").FillAsync(name);
        await page.GetByTestId("city-state").FillAsync("Wisconsin");
        await page.GetByTestId("city-add").ClickAsync();
        await Expect(page.GetByTestId("city-error")).ToContainTextAsync("Please correct the highlighted fields");
        await Expect(page.GetByText("State must be a two-letter code such as WI.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "cities-invalid-city");

        await page.GetByTestId("city-state").FillAsync("WI");
        await page.GetByTestId("city-add").ClickAsync();

        await Expect(page.GetByTestId("cities-table")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("city-error")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "cities-city-added");
        await page.CloseAsync();
    }
}
