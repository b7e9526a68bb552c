using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Venues as an admin keeps them: a form that says what is wrong, then the venue in the table.</summary>
public sealed class VenuesPageTests
{
    [Test]
    public async Task Venue_SavedWithoutNameThenFixed_ShowsTheErrorThenTheVenue()
    {
        var page = await BrowserSession.OpenAsync("/venues", BrowserSession.MilwaukeeAdminEmail);

        await page.GetByTestId("venue-fields").FillAsync("Court 1, Court 2");
        await page.GetByTestId("venue-save").ClickAsync();
        await Expect(page.GetByTestId("venue-message")).ToContainTextAsync("Please correct the highlighted fields");
        await Expect(page.Locator(".mud-input-helper-text.mud-input-error")).Not.ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "venues-invalid");

        await page.GetByTestId("venue-name").FillAsync("Bay View Rec Center");
        await page.GetByTestId("venue-save").ClickAsync();
        await Expect(page.GetByTestId("venue-message")).ToContainTextAsync("Saved Bay View Rec Center");
        await Expect(page.GetByTestId("venues-table")).ToContainTextAsync("Court 1, Court 2");
        await page.Context.CloseAsync();
    }
}
