using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// Forms as an admin meets them (issue 13, item 7): required fields are marked and a refusal names the field in plain
/// words; a plan starts on the league's own night; a team that joins a scheduled league brings a prompt to replan.
/// </summary>
public sealed class SeasonFormTests
{
    private Guid milwaukee;
    private Guid venue;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("season-form-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        venue = (await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Humboldt Park Diamonds", "3 Humboldt Ave", ["Field A", "Field B"])))).Id;
    }

    [Test]
    public async Task LeagueForm_RequiredFieldsMarked_EmptyLevelNamedInPlainWords()
    {
        var page = await BrowserSession.OpenAsync("/leagues/new", BrowserSession.MilwaukeeAdminEmail);
        var level = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByTestId("league-level") });
        var name = page.Locator(".mud-input-control").Filter(new() { Has = page.GetByTestId("league-name") });

        // MudBlazor marks a required field with an asterisk after its label.
        Assert.That(await AsteriskAsync(name), Is.EqualTo("\"*\""), "Name is marked required");
        Assert.That(await AsteriskAsync(level), Is.EqualTo("\"*\""), "Level or division is marked required");

        await page.GetByTestId("league-name").FillAsync("Plain Words Tuesday Kickball");
        await page.GetByTestId("league-level").FillAsync(string.Empty);
        await page.GetByTestId("league-save").ClickAsync();

        await Expect(page.GetByTestId("league-message")).ToContainTextAsync("Please correct the highlighted fields");
        await Expect(level.Locator(".mud-input-helper-text")).ToContainTextAsync("level or division", new() { IgnoreCase = true });
        await Expect(level.Locator(".mud-input-helper-text")).Not.ToContainTextAsync("'");
        await Expect(level.Locator(".mud-input-helper-text")).Not.ToContainTextAsync("must not be empty");
        await BrowserSession.ScreenshotAsync(page, "league-form-required");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SeasonPage_AsAViewer_SaysReadOnlyAndOffersNoPlanOrReplan()
    {
        var leagueId = await BrowserSession.Postgres.ScalarAsync<Guid>(
            "SELECT l.id FROM leagues.leagues l JOIN leagues.cities c ON c.id = l.city_id WHERE c.name = 'Madison' ORDER BY l.name LIMIT 1");
        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.ViewerEmail);

        await Expect(page.GetByTestId("read-only-notice")).ToContainTextAsync("You can view this season but not change it");
        await Expect(page.GetByTestId("plan-form")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("replan")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("enter-score")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static Task<string> AsteriskAsync(ILocator control) =>
        control.Locator("label").EvaluateAsync<string>("label => getComputedStyle(label, '::after').content");

    [Test]
    public async Task PlanForm_MondayLeagueWithoutSchedule_FirstNightIsTheNextMonday()
    {
        Guid leagueId;
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("season-form-tests");
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            leagueId = (await sender.Send(new CreateLeague(new LeagueFields("Milwaukee Monday Default Kickball", "Kickball", milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Monday, "Recreational", LeagueStatus.Active)))).Id;
        }

        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.MilwaukeeAdminEmail);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var nextMonday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        await Expect(page.GetByTestId("schedule-start")).ToHaveValueAsync(nextMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("schedule-start")).ToHaveAttributeAsync("type", "date");
        await BrowserSession.ScreenshotAsync(page, "season-plan-default");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SeasonPage_TeamAddedAfterTheSchedule_PromptsAReplanThatFitsItIn()
    {
        Guid leagueId;
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("season-form-tests");
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            leagueId = await SeasonSeed.LeagueAsync(sender, milwaukee, venue, "Milwaukee Monday Replan Kickball", DayOfWeek.Monday,
                ["Sandlot Saints", "Kick Start", "Red Rubber Rockets", "Foul Play"]);
            await sender.Send(new CreateTeam(new TeamFields("Late Joiners", leagueId, null, "Robin Late", "robin@example.org", null, 10, TeamStatus.Active)));
        }

        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.MilwaukeeAdminEmail);

        var notice = page.GetByTestId("replan-notice");
        await Expect(notice).ToContainTextAsync("The schedule no longer matches the league's teams");
        await Expect(page.GetByTestId("replan-joined")).ToContainTextAsync("Late Joiners");
        await BrowserSession.ScreenshotAsync(page, "season-replan-notice");

        await page.GetByTestId("replan").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Replan" }).ClickAsync();

        await Expect(page.GetByTestId("season-message")).ToContainTextAsync("Schedule replanned: 10 games placed");
        await Expect(notice).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("games-table").GetByTestId("game-row").Filter(new() { HasText = "Late Joiners" })).ToHaveCountAsync(4);
        await page.Context.CloseAsync();
    }
}
