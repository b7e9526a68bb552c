using System.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The home page per role (issue 13): a city admin's week first, system health for system admins only.</summary>
public sealed class HomePageTests
{
    /// <summary>A Chicago team with no sponsor and no captain contact, named to sort first wherever it may be listed.</summary>
    private const string ChicagoTeam = "Aaa Windy City Ghosts";

    private const string ChicagoImport = "chicago-home-sponsors.csv";

    private Guid milwaukee;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("home-page-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var cities = await sender.Send(new ListCities());
        milwaukee = cities.Single(c => c.Name == "Milwaukee").Id;
        var chicago = cities.Single(c => c.Name == "Chicago").Id;
        await sender.Send(new CreateTeam(new TeamFields(ChicagoTeam, BrowserSession.ChicagoLeagueId, null, "Gus Ghost", null, null, 10, TeamStatus.Active)));
        var import = await sender.Send(new StartImport(ChicagoImport, Encoding.UTF8.GetBytes("Name\nLake Shore Lanes\n"), ImportKind.Sponsors, chicago));
        for (var waited = 0; (await sender.Send(new GetImport(import.Id))).Status == ImportStatus.Analyzing; waited++)
        {
            Assert.That(waited, Is.LessThan(600), "the Chicago import was still analysing after 30 s");
            await Task.Delay(50);
        }
    }

    [Test]
    public async Task Home_AsACityAdmin_ShowsTheWeekAndNoSystemHealth()
    {
        var page = await BrowserSession.OpenAsync("/", BrowserSession.MilwaukeeAdminEmail);

        await Expect(page.GetByTestId("home-week")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("home-unscored")).ToContainTextAsync("Past their night without a score");
        await Expect(page.GetByTestId("home-unscheduled")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("module-status")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("system-health")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "home-city-admin");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Home_AsACityAdmin_CountsTeamsAndImportsOfTheirCitiesOnly()
    {
        var withoutSponsor = await BrowserSession.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM teams.teams WHERE city_id = $1 AND status = 'Active' AND sponsor_id IS NULL", milwaukee);
        var withoutContact = await BrowserSession.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM teams.teams WHERE city_id = $1 AND status = 'Active' AND coalesce(captain_email, '') = '' AND coalesce(captain_phone, '') = ''", milwaukee);

        var page = await BrowserSession.OpenAsync("/", BrowserSession.MilwaukeeAdminEmail);

        await Expect(page.GetByTestId("home-no-sponsor").GetByTestId("home-count")).ToHaveTextAsync($"{withoutSponsor} teams");
        await Expect(page.GetByTestId("home-no-contact").GetByTestId("home-count")).ToHaveTextAsync($"{withoutContact} teams");
        await Expect(page.GetByTestId("home-chase")).Not.ToContainTextAsync(ChicagoTeam);
        await Expect(page.GetByTestId("home-imports")).Not.ToContainTextAsync(ChicagoImport);
        await page.GetByTestId("home-no-contact").GetByTestId("home-team-link").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teams/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("team-name")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Home_AsASystemAdmin_ShowsEveryCityAndTheSystemHealth()
    {
        var withoutSponsor = await BrowserSession.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM teams.teams WHERE status = 'Active' AND sponsor_id IS NULL");

        var page = await BrowserSession.OpenAsync("/");

        await Expect(page.GetByTestId("home-no-sponsor").GetByTestId("home-count")).ToHaveTextAsync($"{withoutSponsor} teams");
        await Expect(page.GetByTestId("home-no-sponsor")).ToContainTextAsync(ChicagoTeam);
        await Expect(page.GetByTestId("home-no-contact")).ToContainTextAsync(ChicagoTeam);
        await Expect(page.GetByTestId("home-imports")).ToContainTextAsync(ChicagoImport);
        await Expect(page.GetByTestId("health-failed-jobs")).ToContainTextAsync("Failed background jobs");
        await Expect(page.GetByTestId("health-outbox-age")).ToContainTextAsync("Oldest unpublished event");
        await Expect(page.GetByTestId("health-modules")).ToContainTextAsync("All migrated");
        await Expect(page.GetByTestId("module-status")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "home-system-admin");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SystemPage_AsASystemAdmin_ShowsEveryModulesMigrationStatus()
    {
        var page = await BrowserSession.OpenAsync("/system");

        await Expect(page.GetByTestId("module-status").Locator("[data-module]")).ToHaveCountAsync(7);
        await Expect(page.Locator("[data-module=Teams]")).ToContainTextAsync("migrated");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "System" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "system-page");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task SystemPage_AsACityAdmin_IsRefused()
    {
        var page = await BrowserSession.OpenAsync("/", BrowserSession.MilwaukeeAdminEmail);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "System", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync(BrowserSession.BaseUrl + "/system");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("module-status")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
