using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The season page on a 390 px phone (issue 13, item 4): every tab fits the screen, and a score can be entered.</summary>
public sealed class SeasonPhoneTests
{
    private Guid leagueId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("season-phone-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        var venue = await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Bay View Commons With A Long Name", "2 Commons Rd", ["Field A", "Field B"])));
        leagueId = await SeasonSeed.LeagueAsync(sender, milwaukee, venue.Id, "Milwaukee Wednesday Phone Kickball League", DayOfWeek.Wednesday,
            ["The Extraordinarily Long-Named Kickers", "Hop Heads", "Base Invaders", "Kick Assets"]);
        await sender.Send(new AddBlackout(leagueId, new BlackoutFields(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), null, "County fair on every field")));
    }

    [TestCase("Schedule")]
    [TestCase("Standings")]
    [TestCase("Playoffs")]
    [TestCase("Set-up")]
    public async Task SeasonTab_At390Px_NoWiderThanTheScreen(string tab)
    {
        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.MilwaukeeAdminEmail);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = tab })).ToHaveAttributeAsync("aria-selected", "true");
        await BrowserSession.ScreenshotAsync(page, $"season-desktop-{tab.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)}");

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ScrollIntoViewIfNeededAsync();

        await BrowserSession.ScreenshotAsync(page, $"season-phone-{tab.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)}");
        Assert.That(await OverflowAsync(page), Is.Empty, $"the {tab} tab scrolls sideways at 390 px");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task EnterScore_At390Px_ButtonsOnScreenAndTheResultSaves()
    {
        var page = await OpenOnPhoneAsync();
        var row = page.GetByTestId("games-table").GetByTestId("game-row").First;

        var score = row.GetByTestId("enter-score");
        await Expect(score).ToBeVisibleAsync();
        var box = await score.BoundingBoxAsync();
        Assert.That(box, Is.Not.Null);
        Assert.That(box!.X + box.Width, Is.LessThanOrEqualTo(390), "the Score button is on-screen, not past the right edge");

        await score.ClickAsync();
        await page.GetByTestId("score-away").FillAsync("4");
        await page.GetByTestId("score-home").FillAsync("7");
        await Expect(page.GetByTestId("score-save")).ToBeInViewportAsync();
        Assert.That(await OverflowAsync(page), Is.Empty, "the score editor scrolls sideways at 390 px");
        await BrowserSession.ScreenshotAsync(page, "season-phone-score");
        await page.GetByTestId("score-save").ClickAsync();

        await Expect(page.GetByTestId("season-message")).ToContainTextAsync("Result saved");
        await Expect(row.GetByTestId("game-score")).ToHaveTextAsync("4-7");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenOnPhoneAsync()
    {
        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.MilwaukeeAdminEmail);
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("games-table").GetByTestId("game-row")).ToHaveCountAsync(6);
        return page;
    }

    /// <summary>
    /// Empty when the document is no wider than the window (nothing makes the whole page scroll sideways); otherwise the
    /// document's width and the elements reaching past the right edge, so a failure says what sticks out.
    /// </summary>
    private static Task<string> OverflowAsync(IPage page) =>
        page.EvaluateAsync<string>(
            """
            () => {
              if (document.documentElement.scrollWidth <= window.innerWidth) return '';
              const out = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (right ${Math.round(e.getBoundingClientRect().right)})`);
              return `document ${document.documentElement.scrollWidth} px wide: ${out.join('; ')}`;
            }
            """);
}
