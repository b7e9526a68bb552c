using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Score entry at the field (issue 13): on a phone, by keyboard, away then home, Enter saves and moves on.</summary>
public sealed class ScoreEntryTests
{
    private Guid leagueId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("score-entry-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        var venue = await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Estabrook Park", "4400 Estabrook Dr", ["Field A", "Field B"])));
        leagueId = await SeasonSeed.LeagueAsync(sender, milwaukee, venue.Id, "Milwaukee Sunday Kickball", DayOfWeek.Sunday,
            ["Base Invaders", "Kick Pics", "Net Results", "Foul Play"]);
    }

    [Test]
    public async Task Scores_At390Px_KeyboardEntersAwayThenHome_EnterSavesAndMovesToTheNextGame()
    {
        var page = await BrowserSession.OpenAsync($"/scores?league={leagueId}", BrowserSession.MilwaukeeAdminEmail);
        await page.SetViewportSizeAsync(390, 844);
        var rows = page.GetByTestId("score-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("scores-needing")).ToHaveTextAsync("2 need a score");
        var first = rows.Nth(0);
        var away = await first.GetByTestId("score-away-team").InnerTextAsync();
        var home = await first.GetByTestId("score-home-team").InnerTextAsync();
        Assert.That(await BrowserSession.FitsTheWidthAsync(page), Is.True, "the score sheet scrolls sideways at 390 px");

        // Labels name the box's team: the away box comes first, as the schedule reads.
        await first.GetByLabel($"Away score, {away}").ClickAsync();
        await page.Keyboard.TypeAsync("7");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("4");
        await page.Keyboard.PressAsync("Enter");

        await Expect(first.GetByTestId("score-saved")).ToHaveTextAsync($"Saved: {away} 7, {home} 4");
        await Expect(page.GetByTestId("scores-needing")).ToHaveTextAsync("1 need a score");
        await Expect(rows.Nth(1).GetByTestId("score-away")).ToBeFocusedAsync();
        var stored = await BrowserSession.Postgres.ScalarAsync<string>(
            $"SELECT away_score || '-' || home_score || ' ' || status FROM leagues.games WHERE league_id = '{leagueId}' AND status <> 'Scheduled'");
        Assert.That(stored, Is.EqualTo("7-4 Final"));
        Assert.That(await BrowserSession.FitsTheWidthAsync(page), Is.True);
        await BrowserSession.ScreenshotAsync(page, "scores-390");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Scores_NegativeScore_SaysWhyOnTheCardAndSavesNothing()
    {
        var page = await BrowserSession.OpenAsync($"/scores?league={leagueId}", BrowserSession.MilwaukeeAdminEmail);
        var row = page.GetByTestId("score-row").Last;
        await Expect(row).ToContainTextAsync("Needs a score");

        await row.GetByTestId("score-away").FillAsync("-2");
        await row.GetByTestId("score-home").FillAsync("3");
        await row.GetByTestId("score-save").ClickAsync();

        await Expect(row.GetByTestId("score-error")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("score-away")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>(
            $"SELECT count(*) FROM leagues.games WHERE league_id = '{leagueId}' AND away_score = -2"), Is.Zero);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Scores_AwayScoreOver999_SaysSoBesideTheAwayBoxAndSavesNothing()
    {
        var page = await BrowserSession.OpenAsync($"/scores?league={leagueId}", BrowserSession.MilwaukeeAdminEmail);
        var row = page.GetByTestId("score-row").Last;
        await Expect(row).ToContainTextAsync("Needs a score");

        await row.GetByTestId("score-away").FillAsync("1000");
        await row.GetByTestId("score-home").FillAsync("3");
        await row.GetByTestId("score-save").ClickAsync();

        await Expect(row.GetByTestId("score-away-error")).ToHaveTextAsync("A score is a whole number from 0 to 999.");
        await Expect(row.GetByTestId("score-away")).ToHaveAttributeAsync("aria-describedby", await row.GetByTestId("score-away-error").GetAttributeAsync("id") ?? "missing");
        await Expect(row.GetByTestId("score-home-error")).ToHaveCountAsync(0);
        Assert.That(await BrowserSession.Postgres.ScalarAsync<long>(
            $"SELECT count(*) FROM leagues.games WHERE league_id = '{leagueId}' AND (away_score = 1000 OR home_score = 3)"), Is.Zero);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("score-row").Last).ToContainTextAsync("Needs a score");
        await page.Context.CloseAsync();
    }
}
