using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Searchable pickers on the team form (issue 13, item 5): searched on the server, running leagues only by default.</summary>
public sealed class PickerTests
{
    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("picker-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        // More sponsors than a picker shows at once, and the one looked for sorts after all of them.
        for (var i = 1; i <= 30; i++)
        {
            await sender.Send(new CreateSponsor(new SponsorFields($"Picker Partner {i:00}", null, null, null, null, [milwaukee])));
        }

        await sender.Send(new CreateSponsor(new SponsorFields("Zylophone Music Pub", null, null, null, null, [milwaukee])));
        await sender.Send(new CreateLeague(new LeagueFields("Pickerel Wednesday Bocce", "Bocce", milwaukee, 2026, SeasonTerm.Summer, DayOfWeek.Wednesday, "Social", LeagueStatus.Active)));
        await sender.Send(new CreateLeague(new LeagueFields("Pickerel Monday Bocce", "Bocce", milwaukee, 2025, SeasonTerm.Summer, DayOfWeek.Monday, "Social", LeagueStatus.Completed)));
    }

    [Test]
    public async Task SponsorPicker_TypingPartOfAName_OffersItFromBeyondTheFirstPage()
    {
        var page = await BrowserSession.OpenAsync("/teams/new", BrowserSession.MilwaukeeAdminEmail);

        await page.GetByTestId("team-sponsor").PressSequentiallyAsync("lophone");

        var options = page.GetByTestId("sponsor-option");
        await Expect(options).ToHaveTextAsync(["Zylophone Music Pub"]);
        await BrowserSession.ScreenshotAsync(page, "picker-sponsor-search");
        await options.First.ClickAsync();
        await Expect(page.GetByTestId("team-sponsor")).ToHaveValueAsync("Zylophone Music Pub");
        await Expect(page.GetByTestId("team-sponsor-link")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task LeaguePicker_ByDefault_OffersRunningLeaguesWithSeasonAndCityButNoCompletedOne()
    {
        var page = await BrowserSession.OpenAsync("/teams/new", BrowserSession.MilwaukeeAdminEmail);

        await page.GetByTestId("team-league").PressSequentiallyAsync("Pickerel");

        var options = page.GetByTestId("league-option");
        await Expect(options).ToHaveTextAsync(["Pickerel Wednesday Bocce · Summer 2026 · Milwaukee"]);
        await BrowserSession.ScreenshotAsync(page, "picker-league-search");
        await options.First.ClickAsync();
        await Expect(page.GetByTestId("team-schedule-link")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
