using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// Destructive actions ask first, naming what will happen; keeping changes nothing; going ahead says so on a snackbar
/// whose Undo puts it back where the domain allows (issue 13).
/// </summary>
public sealed class DestructiveActionTests
{
    private Guid leagueId;
    private Guid sponsorId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("destructive-action-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        var venue = await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Lucky Moose Park", "1 Moose Way", ["Field A", "Field B"])));
        leagueId = await SeasonSeed.LeagueAsync(sender, milwaukee, venue.Id, "Milwaukee Monday Kickball", DayOfWeek.Monday,
            ["Hazy Sliders", "Lucky Moose", "Kickin' Brews", "Sudden Death Squad"]);
        sponsorId = (await sender.Send(new CreateSponsor(new SponsorFields("Moose Lodge Tavern", null, null, null, null, [milwaukee])))).Id;
    }

    [Test]
    public async Task CancelGame_KeepChangesNothing_GoingAheadCancels_UndoReinstates()
    {
        var page = await BrowserSession.OpenAsync($"/leagues/{leagueId}/season", BrowserSession.MilwaukeeAdminEmail);
        var row = page.GetByTestId("games-table").GetByTestId("game-row").First;
        await Expect(row).ToContainTextAsync("Scheduled");
        var away = (await row.Locator("td").Nth(4).InnerTextAsync()).Trim();
        var home = (await row.Locator("td").Nth(5).InnerTextAsync()).Trim();

        await row.GetByTestId("cancel-game").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Cancel {away} at {home}, ");
        await Expect(dialog).ToContainTextAsync("Both teams' calendars will show it cancelled");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep the game" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.That(await CancelledAsync(), Is.Zero, "keeping the game changes nothing");

        await row.GetByTestId("cancel-game").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel the game" }).ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = $"Cancelled {away} at {home}" });
        await Expect(snackbar).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Cancelled");
        Assert.That(await CancelledAsync(), Is.EqualTo(1));
        await BrowserSession.ScreenshotAsync(page, "season-cancel-undo");

        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"Reinstated {away} at {home}" })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Scheduled");
        Assert.That(await CancelledAsync(), Is.Zero, "undo reinstates the game where it was");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task DeactivateSponsor_AsksFirst_UndoOnTheSnackbarReactivates()
    {
        var page = await BrowserSession.OpenAsync($"/sponsors/{sponsorId}", BrowserSession.MilwaukeeAdminEmail);

        await page.GetByTestId("sponsor-deactivate").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Deactivate Moose Lodge Tavern?");
        await Expect(dialog).ToContainTextAsync("can no longer be chosen for a team");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        Assert.That(await ActiveAsync(), Is.True, "keeping it changes nothing");

        await page.GetByTestId("sponsor-deactivate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = "Deactivated Moose Lodge Tavern" });
        await Expect(snackbar).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sponsor-reactivate")).ToBeVisibleAsync();
        Assert.That(await ActiveAsync(), Is.False);

        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.GetByTestId("sponsor-deactivate")).ToBeVisibleAsync();
        Assert.That(await ActiveAsync(), Is.True, "undo re-activates the sponsor");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task DeleteTeam_KeepChangesNothing_GoingAheadDeletesAndSaysSo()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>($"SELECT id FROM teams.teams WHERE name = 'Sudden Death Squad' AND league_id = '{leagueId}'");
        var page = await BrowserSession.OpenAsync($"/teams/{teamId}", BrowserSession.MilwaukeeAdminEmail);

        await page.GetByTestId("team-delete").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Delete Sudden Death Squad?");
        await Expect(dialog).ToContainTextAsync("leaves Milwaukee Monday Kickball");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        Assert.That(await TeamsAsync(teamId), Is.EqualTo(1), "keeping it changes nothing");

        await page.GetByTestId("team-delete").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete team" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/teams", StringComparison.Ordinal));
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Deleted Sudden Death Squad." })).ToBeVisibleAsync();
        Assert.That(await TeamsAsync(teamId), Is.Zero);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task DeleteTeam_UndoOnTheSnackbar_RestoresTeamAndRoster()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>($"SELECT id FROM teams.teams WHERE name = 'Kickin'' Brews' AND league_id = '{leagueId}'");
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("destructive-action-tests");
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddPlayer(teamId, new PlayerFields("Rory Restored", "rory@example.org", null, IsCaptain: true)));
        }

        var page = await BrowserSession.OpenAsync($"/teams/{teamId}", BrowserSession.MilwaukeeAdminEmail);
        await page.GetByTestId("team-delete").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Undo on the message that follows brings both back");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete team" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/teams", StringComparison.Ordinal));
        var snackbar = page.Locator(".mud-snackbar").Filter(new() { HasText = "Deleted Kickin' Brews." });
        await Expect(snackbar).ToBeVisibleAsync();
        Assert.That(await TeamsAsync(teamId), Is.Zero);

        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Restored Kickin' Brews." })).ToBeVisibleAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/teams/{teamId}", StringComparison.Ordinal));
        await Expect(page.GetByTestId("team-name")).ToHaveValueAsync("Kickin' Brews");
        await Expect(page.GetByTestId("team-roster")).ToContainTextAsync("Rory Restored");
        Assert.Multiple(async () =>
        {
            Assert.That(await TeamsAsync(teamId), Is.EqualTo(1), "undo brings the team back");
            Assert.That(await BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM teams.players WHERE team_id = '{teamId}'"), Is.EqualTo(1), "and its roster");
        });
        await page.Context.CloseAsync();
    }

    private Task<long> CancelledAsync() =>
        BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM leagues.games WHERE league_id = '{leagueId}' AND status = 'Cancelled'");

    private Task<bool> ActiveAsync() => BrowserSession.Postgres.ScalarAsync<bool>($"SELECT active FROM sponsors.sponsors WHERE id = '{sponsorId}'");

    private static Task<long> TeamsAsync(Guid teamId) => BrowserSession.Postgres.ScalarAsync<long>($"SELECT count(*) FROM teams.teams WHERE id = '{teamId}'");
}
