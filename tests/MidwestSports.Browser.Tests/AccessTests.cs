using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>City-locked access as an admin lives it in the browser.</summary>
public sealed class AccessTests
{
    [Test]
    public async Task MilwaukeeAdmin_SignsIn_SeesOnlyMilwaukeeAndNotChicagosLeague()
    {
        var page = await BrowserSession.OpenAsync("/leagues", BrowserSession.MilwaukeeAdminEmail);

        await Expect(page.GetByTestId("leagues-table")).ToContainTextAsync("Milwaukee Tuesday Kickball");
        await Expect(page.GetByTestId("league-city")).ToHaveTextAsync(["Milwaukee", "Milwaukee"]); // its two leagues, nothing else
        await Expect(page.GetByTestId("leagues-table")).Not.ToContainTextAsync("Chicago");
        await BrowserSession.ScreenshotAsync(page, "access-milwaukee-leagues");

        await page.GotoAsync($"{BrowserSession.BaseUrl}/leagues/{BrowserSession.ChicagoLeagueId}");
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Chicago Tuesday Kickball");
        await BrowserSession.ScreenshotAsync(page, "access-chicago-league-not-found");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync($"{BrowserSession.BaseUrl}/leagues");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SignIn_WrongPassword_ShowsGenericMessage()
    {
        var page = await BrowserSession.NewPageAsync();

        await BrowserSession.SignInAsync(page, "nobody@browser.example.org", "Wrong-Password-1");

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Invalid email or password.");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithAClearMessage()
    {
        var page = await BrowserSession.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserSession.SignInAsync(page, BrowserSession.LockoutEmail, "Wrong-Password-1");
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");
        await BrowserSession.SignInAsync(page, BrowserSession.LockoutEmail, BrowserSession.Password);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked", new() { Timeout = 10_000 });
        await BrowserSession.ScreenshotAsync(page, "access-locked-out");
        await page.Context.CloseAsync();
    }
}
