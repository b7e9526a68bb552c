using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Finding things fast in the lists (issue 13, item 5): filters follow typing, rows open by keyboard, leagues lead to their season.</summary>
public sealed class ListFilterTests
{
    [Test]
    public async Task Leagues_TypingInTheSearch_FiltersWithoutEnterAndTheRowLinksToItsSeasonPage()
    {
        var page = await BrowserSession.OpenAsync("/leagues");
        var rows = page.GetByTestId("leagues-table").Locator("tbody tr.list-row");
        await Expect(rows.First).ToBeVisibleAsync();

        await page.GetByLabel("Search", new() { Exact = true }).PressSequentiallyAsync("Thursday Soft");

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("league-link")).ToHaveTextAsync("Milwaukee Thursday Softball");
        await BrowserSession.ScreenshotAsync(page, "leagues-filtered-as-typed");
        await rows.First.GetByTestId("league-season-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(BrowserSession.BaseUrl + $"/leagues/{BrowserSession.SeasonLeagueId}/season");
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("Milwaukee Thursday Softball · Spring 2027");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Leagues_EnterOnAFocusedRow_OpensTheLeague()
    {
        var page = await BrowserSession.OpenAsync("/leagues");
        var search = page.GetByLabel("Search", new() { Exact = true });
        await search.PressSequentiallyAsync("Chicago Tuesday");
        var rows = page.GetByTestId("leagues-table").Locator("tbody tr.list-row");
        await Expect(rows).ToHaveCountAsync(1);

        // From the search box, Tab moves through the filters and sort headers into the rows: the row's own link takes the focus.
        await rows.First.GetByTestId("league-link").FocusAsync();
        await Expect(rows.First).ToHaveCSSAsync("outline-style", "solid");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(BrowserSession.BaseUrl + $"/leagues/{BrowserSession.ChicagoLeagueId}");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Teams_TypingAndChoosingASeason_FilterWithoutEnterAndRowsLinkToLeagueAndSchedule()
    {
        var page = await BrowserSession.OpenAsync("/teams");
        var rows = page.GetByTestId("team-row");
        await Expect(rows).ToHaveCountAsync(25);

        await page.GetByTestId("team-search").PressSequentiallyAsync("Pitch Ple");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=Pitch"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("team-link")).ToHaveTextAsync("Pitch Please");
        await Expect(rows.First.GetByTestId("team-league-link")).ToHaveAttributeAsync("href", $"/leagues/{BrowserSession.SeasonLeagueId}");
        await Expect(rows.First.GetByTestId("team-season-link")).ToHaveAttributeAsync("href", $"/leagues/{BrowserSession.SeasonLeagueId}/season");

        await page.GetByTestId("team-search").ClearAsync();
        await Expect(rows).ToHaveCountAsync(25);
        await page.GetByLabel("Season").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Spring 2027" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("season=Spring(%20|\\+)2027"));
        var expected = await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.team_listing WHERE season = 'Spring 2027'");
        await Expect(page.GetByTestId("team-total")).ToHaveTextAsync($"{expected} teams");
        var seasons = await page.GetByTestId("team-season-link").AllInnerTextsAsync();
        Assert.That(seasons, Is.Not.Empty.And.All.EqualTo("Spring 2027"));
        await BrowserSession.ScreenshotAsync(page, "teams-filtered-by-season");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Teams_EnterOnAFocusedRow_OpensTheTeamWithBreadcrumbs()
    {
        var page = await BrowserSession.OpenAsync("/teams?q=Walk-Off");
        var row = page.GetByTestId("team-row").First;
        await Expect(row.GetByTestId("team-link")).ToHaveTextAsync("Walk-Off Wonders");

        await row.GetByTestId("team-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teams/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("Teams");
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("Walk-Off Wonders");
        await Expect(page.GetByTestId("team-schedule-link")).ToHaveAttributeAsync("href", $"/leagues/{BrowserSession.SeasonLeagueId}/season");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Teams_ChoosingAStatus_ShowsOnlyThoseTeamsMarkedWithIt()
    {
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("list-filter-tests");
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var madison = (await sender.Send(new ListCities())).Single(c => c.Name == "Madison").Id;
            var league = await sender.Send(new CreateLeague(new LeagueFields("Madison Fall Cornhole", "Cornhole", madison, 2024, SeasonTerm.Fall, DayOfWeek.Friday, "Mixed", LeagueStatus.Completed)));
            await sender.Send(new CreateTeam(new TeamFields("Bags Left Early", league.Id, null, "Wren Walker", null, null, 4, TeamStatus.Withdrawn)));
        }

        var page = await BrowserSession.OpenAsync("/teams");
        var rows = page.GetByTestId("team-row");
        await Expect(rows).ToHaveCountAsync(25);

        await page.GetByTestId("filter-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Withdrawn" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Withdrawn"));
        var withdrawn = await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.teams WHERE status = 'Withdrawn'");
        await Expect(page.GetByTestId("team-total")).ToHaveTextAsync($"{withdrawn} teams");
        await Expect(rows.GetByTestId("team-link").Filter(new() { HasText = "Bags Left Early" })).ToHaveCountAsync(1);
        Assert.That(await rows.GetByTestId("team-status").AllInnerTextsAsync(), Has.Count.EqualTo(await rows.CountAsync()).And.All.EqualTo("Withdrawn"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Teams_FromHomesTeamsWithoutASponsor_ShowsThemWithTheFilterNamedAndRemovable()
    {
        var page = await BrowserSession.OpenAsync("/");
        await page.GetByTestId("home-no-sponsor-list").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teams\\?hasSponsor=false&status=Active$"));
        var expected = await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.team_listing WHERE sponsor_id IS NULL AND status = 'Active'");
        await Expect(page.GetByTestId("team-total")).ToHaveTextAsync($"{expected:N0} teams");
        Assert.That(await page.GetByTestId("cell-sponsor").AllInnerTextsAsync(), Is.Not.Empty.And.All.EqualTo("—"));
        await Expect(page.GetByTestId("filter-hasSponsor")).ToHaveTextAsync("Without a sponsor");

        await page.GetByTestId("filter-hasSponsor").Locator(".mud-chip-close-button").ClickAsync();

        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("hasSponsor"));
        await Expect(page.GetByTestId("filter-hasSponsor")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
