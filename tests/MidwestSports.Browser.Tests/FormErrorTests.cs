using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// Bad input on the list pages' forms (issue 13): the message shows beside the field it is about, in the words of its
/// label, and nothing is saved. The score sheet's case is in <see cref="ScoreEntryTests"/>, which seeds its games.
/// </summary>
public sealed class FormErrorTests
{
    [Test]
    public async Task Cities_StateOfThreeLetters_SaysSoBesideStateAndAddsNoCity()
    {
        var page = await BrowserSession.OpenAsync("/cities");
        var name = $"Oshkosh {Guid.NewGuid().ToString("N")[..6]}";

        await page.GetByTestId("city-name").FillAsync(name);
        await page.GetByTestId("city-state").FillAsync("WIS");
        await page.GetByTestId("city-add").ClickAsync();

        await Expect(ErrorBeside(page, "city-state")).ToHaveTextAsync("State must be a two-letter code such as WI.");
        await Expect(ErrorBeside(page, "city-name")).ToHaveCountAsync(0);
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM leagues.cities WHERE name = '{name}'"), Is.Zero);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("cities-table")).ToContainTextAsync("Milwaukee");
        await Expect(page.GetByTestId("cities-table")).Not.ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Venues_TheSameFieldTwice_SaysSoBesideFieldsAndSavesNoVenue()
    {
        var page = await BrowserSession.OpenAsync("/venues", BrowserSession.MilwaukeeAdminEmail);
        var name = $"Humboldt Park {Guid.NewGuid().ToString("N")[..6]}";

        await page.GetByTestId("venue-name").FillAsync(name);
        await page.GetByTestId("venue-fields").FillAsync("Diamond 1, diamond 1");
        await page.GetByTestId("venue-save").ClickAsync();

        await Expect(ErrorBeside(page, "venue-fields")).ToHaveTextAsync("Field names must differ.");
        await Expect(ErrorBeside(page, "venue-name")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("venue-message")).ToContainTextAsync("Please correct the highlighted fields");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM leagues.venues WHERE name = '{name}'"), Is.Zero);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Users_EmailWithoutAnAt_SaysSoBesideEmailAndAddsNoUser()
    {
        var page = await BrowserSession.OpenAsync("/users");
        var displayName = $"Pat Form {Guid.NewGuid().ToString("N")[..6]}";

        await page.GetByTestId("user-email").FillAsync("pat.example.org");
        await page.GetByTestId("user-password").FillAsync("Form-Errors-Test-1!");
        await page.GetByTestId("user-display-name").FillAsync(displayName);
        await page.GetByTestId("user-save").ClickAsync();

        await Expect(ErrorBeside(page, "user-email")).ToHaveTextAsync("Email must be an email address, like name@example.org.");
        await Expect(ErrorBeside(page, "user-display-name")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("user-message")).ToContainTextAsync("Please correct the highlighted fields");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM identity.users WHERE display_name = '{displayName}'"), Is.Zero);
        await page.Context.CloseAsync();
    }

    /// <summary>The error text MudBlazor shows under the input that carries the test id, and only that input.</summary>
    private static ILocator ErrorBeside(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) }).Locator(".mud-input-helper-text.mud-input-error");
}
