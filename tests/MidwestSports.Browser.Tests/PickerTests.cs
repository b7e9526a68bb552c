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
        // More venues than the venue picker shows at once; the one looked for sorts last, and Chicago has one of the same name.
        var chicago = (await sender.Send(new ListCities())).Single(c => c.Name == "Chicago").Id;
        for (var i = 1; i <= 25; i++)
        {
            await sender.Send(new CreateVenue(new VenueFields(milwaukee, $"Picker Field {i:00}", $"{i} Picker Way", ["North"])));
        }

        await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Zephyr Commons", "9 Wind St", ["East", "West"])));
        await sender.Send(new CreateVenue(new VenueFields(chicago, "Zephyr Commons Chicago", "9 Lake Shore Dr", ["Main"])));
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

    [Test]
    public async Task VenuePicker_OnASeasonsSlots_OffersTheLeaguesCityVenueFromBeyondTheFirstPage()
    {
        var page = await BrowserSession.OpenAsync($"/leagues/{BrowserSession.SeasonLeagueId}/season", BrowserSession.MilwaukeeAdminEmail);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Set-up" }).ClickAsync();

        await page.GetByTestId("slot-venue").FillAsync(string.Empty);
        await page.GetByTestId("slot-venue").PressSequentiallyAsync("ephyr");

        var options = page.GetByTestId("venue-option");
        await Expect(options).ToHaveTextAsync(["Zephyr Commons"]);
        await BrowserSession.ScreenshotAsync(page, "picker-venue-search");
        await options.First.ClickAsync();
        await Expect(page.GetByTestId("slot-venue")).ToHaveValueAsync("Zephyr Commons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("slots-table").Locator("tr", new() { HasText = "Zephyr Commons" })).ToHaveCountAsync(4, new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TeamPicker_OnTheTriviaReviewQueue_OffersTeamsWithTheirLeagueToLinkTo()
    {
        var page = await BrowserSession.OpenAsync("/trivia");
        await TriviaSync.SyncNowAsync(page);
        await page.GetByText("Review queue").ClickAsync();
        var row = page.GetByTestId("trivia-queue").Locator("tr", new() { HasText = "Guest Team Of The Week" });
        await Expect(row.GetByTestId("trivia-link-chosen")).ToBeDisabledAsync();

        await row.GetByTestId("trivia-link-team").PressSequentiallyAsync("quizzly");

        var options = page.GetByTestId("team-option");
        await Expect(options).ToHaveTextAsync(["Quizzly Bears"]);
        await Expect(page.GetByTestId("team-option-league")).ToHaveTextAsync(["Milwaukee Tuesday Trivia · Milwaukee"]);
        await BrowserSession.ScreenshotAsync(page, "picker-team-search");
        await options.First.ClickAsync();
        await Expect(row.GetByTestId("trivia-link-team")).ToHaveValueAsync("Quizzly Bears");
        await Expect(row.GetByTestId("trivia-link-chosen")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }
}
