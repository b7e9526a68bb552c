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
    public async Task SignIn_FiveWrongPasswords_PausesThisClientWithTheSameMessageUntilAReset()
    {
        var page = await BrowserSession.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserSession.SignInAsync(page, BrowserSession.LockoutEmail, "Wrong-Password-1");
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        // The right password from this client is refused too, in the very words of a wrong one: nothing tells an
        // attacker that the account exists or is paused.
        var wrongAnswer = await page.GetByTestId("login-error").TextContentAsync();
        await BrowserSession.SignInAsync(page, BrowserSession.LockoutEmail, BrowserSession.Password);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(wrongAnswer!, new() { Timeout = 10_000 });
        Assert.That(wrongAnswer, Does.StartWith("Invalid email or password."));
        await BrowserSession.ScreenshotAsync(page, "access-locked-out");

        // The owner of the mailbox resets the password: the pause ends with it.
        await page.GetByTestId("forgot-password-link").ClickAsync();
        // Blazor's enhanced navigation patches the page in place, and the sign-in page has an #email too: wait for
        // the new page's heading, and check the field holds the email, before sending.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.Locator("#email").FillAsync(BrowserSession.LockoutEmail);
        await Expect(page.Locator("#email")).ToHaveValueAsync(BrowserSession.LockoutEmail);
        await page.GetByTestId("reset-request-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-requested")).ToBeVisibleAsync();
        await page.GotoAsync(BrowserSession.BaseUrl + "/dev/mail");
        var mail = await page.GetByTestId("dev-mail").First.TextContentAsync();
        var link = System.Text.RegularExpressions.Regex.Match(mail!, @"http\S+/account/reset-password\?\S+").Value;
        await page.GotoAsync(link);
        await page.Locator("#password").FillAsync("Weak");
        await page.Locator("#confirm").FillAsync("Weak");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-error")).ToBeVisibleAsync();
        await page.Locator("#password").FillAsync("Reset-In-Browser-3!");
        await page.Locator("#confirm").FillAsync("Reset-In-Browser-3!");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "access-password-reset");

        await BrowserSession.SignInAsync(page, BrowserSession.LockoutEmail, "Reset-In-Browser-3!");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Users_ForcePasswordReset_EndsTheUsersSessionAndMailsThem()
    {
        var victim = await BrowserSession.OpenAsync("/leagues", BrowserSession.ForcedResetEmail);
        var admin = await BrowserSession.OpenAsync("/users");

        await admin.GetByTestId("users-table").Locator("tr", new() { HasText = BrowserSession.ForcedResetEmail }).GetByTestId("force-reset").ClickAsync();

        await Expect(admin.GetByTestId("users-notice")).ToContainTextAsync($"{BrowserSession.ForcedResetEmail}: password cleared, sessions ended, reset mail sent.");
        await BrowserSession.ScreenshotAsync(admin, "users-forced-reset");
        await victim.GotoAsync(BrowserSession.BaseUrl + "/leagues");
        await Expect(victim).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserSession.SignInAsync(victim, BrowserSession.ForcedResetEmail, BrowserSession.Password);
        await Expect(victim.GetByTestId("login-error")).ToHaveTextAsync("Invalid email or password.");
        await victim.GotoAsync(BrowserSession.BaseUrl + "/dev/mail");
        await Expect(victim.GetByTestId("dev-mail").First).ToContainTextAsync(BrowserSession.ForcedResetEmail);
        await admin.Context.CloseAsync();
        await victim.Context.CloseAsync();
    }
}
