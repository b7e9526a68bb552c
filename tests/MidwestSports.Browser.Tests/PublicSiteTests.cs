using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// The sample public site (<c>samples/public-site</c>) on an origin of its own: it reads the public API through CORS
/// and frames a widget through widget.js, and a result an admin enters shows there within two seconds.
/// </summary>
public sealed class PublicSiteTests
{
    private static readonly string[] TeamNames = ["Madtown Misfits", "Isthmus Ironmen", "Capitol Kickers", "Lakeshore Legends"];

    private Guid leagueId;
    private Guid playoffLeagueId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        // Leagues of their own (Madison), so that no other test's results change what these read.
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("public-site-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var madison = (await sender.Send(new ListCities())).Single(c => c.Name == "Madison").Id;
        var venue = await sender.Send(new CreateVenue(new VenueFields(madison, "Warner Park", "2930 N Sherman Ave", ["Field A", "Field B"])));
        leagueId = await SeasonSeed.LeagueAsync(sender, madison, venue.Id, "Madison Wednesday Kickball", DayOfWeek.Wednesday, TeamNames);
        playoffLeagueId = await SeasonSeed.LeagueAsync(sender, madison, venue.Id, "Madison Friday Kickball", DayOfWeek.Friday, ["Badger Boots", "Monona Mashers", "Mendota Maulers", "Picnic Point Punters"]);
        await sender.Send(new CreatePlayoffs(playoffLeagueId, PlayoffFormat.SingleElimination, 4));
    }

    [Test]
    public async Task SampleSite_OnItsOwnOrigin_ShowsStandingsAndAWidgetAndAResultWithinTwoSeconds()
    {
        var page = await BrowserSession.NewPageAsync();
        var problems = Watch(page);
        await page.GotoAsync($"{BrowserSession.Sample.Origin}/?api={Uri.EscapeDataString(BrowserSession.BaseUrl)}&city=madison&league={leagueId}");

        // Through the JSON API (CORS): four teams, no wins yet; the schedule's six games.
        var rows = page.GetByTestId("standings-row");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("schedule-game")).ToHaveCountAsync(6);
        Assert.Multiple(async () =>
        {
            Assert.That(await page.GetByTestId("standings-team").AllInnerTextsAsync(), Is.EquivalentTo(TeamNames));
            Assert.That((await page.GetByTestId("standings-won").AllInnerTextsAsync()).Select(int.Parse).Sum(), Is.Zero);
        });

        // Through widget.js: an iframe of the platform's origin, showing the same table, sized to its content.
        var iframe = page.Locator("#widget-slot iframe");
        await Expect(iframe).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(BrowserSession.BaseUrl)}/embed/leagues/{leagueId}/standings\\?accent=%230f3d6e#midwest-widget-1$"));
        var widget = page.FrameLocator("#widget-slot iframe");
        await Expect(widget.Locator("td.mw-team")).ToHaveCountAsync(4);
        await Expect(widget.Locator("h1")).ToHaveTextAsync("Madison Wednesday Kickball");
        var frame = page.Frames.Single(f => f.Url.Contains("/embed/", StringComparison.Ordinal));
        var contentHeight = await frame.EvaluateAsync<double>("() => document.documentElement.getBoundingClientRect().height");
        await Expect(iframe).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex($"height: {Math.Ceiling(contentHeight)}px"));
        await BrowserSession.ScreenshotAsync(page, "public-site-sample");

        // An admin enters a result through the API; the site shows it on its next refresh, well before any cache expires.
        using var api = new HttpClient { BaseAddress = new Uri(BrowserSession.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api));
        var game = (await api.GetFromJsonAsync<JsonElement>($"/api/leagues/{leagueId}/games"))[0];
        var saved = await api.PutAsJsonAsync($"/api/games/{game.GetProperty("id").GetGuid()}/result", new { homeScore = 6, awayScore = 2 });
        Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
        var clock = Stopwatch.StartNew();
        var winner = game.GetProperty("homeTeamName").GetString()!;
        var shown = false;
        while (!shown && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await page.GetByTestId("refresh").ClickAsync();
            shown = await page.GetByTestId("standings-row").First.GetByTestId("standings-won").InnerTextAsync(new() { Timeout = 500 }) == "1"
                && await page.GetByTestId("standings-team").First.InnerTextAsync() == winner;
        }

        clock.Stop();
        TestContext.Progress.WriteLine($"The result showed on the sample site {clock.ElapsedMilliseconds} ms after it was saved");
        await BrowserSession.ScreenshotAsync(page, "public-site-sample-after-result");
        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.True, $"the winner ({winner}) leads the standings within 2 s");
            Assert.That(problems, Is.Empty, "no CORS, policy or script error on the page or in the widget");
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Widgets_OnA390PxPhone_AreNoWiderThanTheScreen()
    {
        var context = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var problems = Watch(page);
        var league = await (await page.APIRequest.GetAsync($"{BrowserSession.BaseUrl}/public/v1/leagues/{leagueId}")).JsonAsync();
        var teamId = league!.Value.GetProperty("teams")[0].GetProperty("id").GetString();
        var widths = new Dictionary<string, (int Document, int Viewport)>();

        foreach (var path in new[]
        {
            $"/embed/leagues/{leagueId}/standings?accent=%23b71c1c", $"/embed/leagues/{leagueId}/schedule", $"/embed/leagues/{leagueId}/schedule?view=team",
            $"/embed/leagues/{playoffLeagueId}/bracket", $"/embed/teams/{teamId}/schedule",
        })
        {
            var response = await page.GotoAsync(BrowserSession.BaseUrl + path);
            Assert.That(response?.Status, Is.EqualTo(200), path);
            await Expect(page.Locator("main.mw")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            widths[path] = (width[0], width[1]);
            if (path.Contains("standings", StringComparison.Ordinal))
            {
                await BrowserSession.ScreenshotAsync(page, "widget-standings-phone");
            }
            else if (path.EndsWith("/schedule", StringComparison.Ordinal))
            {
                await BrowserSession.ScreenshotAsync(page, "widget-schedule-phone");
            }
            else if (path.Contains("bracket", StringComparison.Ordinal))
            {
                await Expect(page.Locator(".mw-match-box")).ToHaveCountAsync(3);
                await BrowserSession.ScreenshotAsync(page, "widget-bracket-phone");
            }
        }

        await page.GotoAsync($"{BrowserSession.Sample.Origin}/?api={Uri.EscapeDataString(BrowserSession.BaseUrl)}&city=madison&league={leagueId}");
        await Expect(page.FrameLocator("#widget-slot iframe").Locator("td.mw-team")).ToHaveCountAsync(4);
        var site = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        // A full-page capture leaves a cross-origin frame below the fold blank: the widget's section is captured in view.
        var section = page.Locator("section").Filter(new() { Has = page.Locator("#widget-slot") });
        await section.ScrollIntoViewIfNeededAsync();
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "public-site-widget-phone.png") });

        Assert.Multiple(() =>
        {
            foreach (var (path, (document, viewport)) in widths)
            {
                Assert.That(viewport, Is.EqualTo(390), path);
                Assert.That(document, Is.LessThanOrEqualTo(viewport), $"{path}: the widget is wider than the phone");
            }

            Assert.That(site[0], Is.LessThanOrEqualTo(site[1]), "the sample site with its widget fits the phone");
            Assert.That(problems, Is.Empty);
        });
        await context.CloseAsync();
    }

    [Test]
    public async Task Loader_SeveralWidgetsAndTwoScriptTags_FramesEachOnceSizedToItsContent()
    {
        var page = await BrowserSession.NewPageAsync();
        var problems = Watch(page);
        var loader = $"<script src=\"{BrowserSession.BaseUrl}/embed/widget.js\"></script>";
        BrowserSession.Sample.Pages["several.html"] = $"""
            <!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>
            <div id="a" data-midwest-widget="standings" data-league="{leagueId}" data-bg="#fffdf7"></div>{loader}
            <div id="b" data-midwest-widget="schedule" data-league="{leagueId}" data-view="team"></div>
            <div id="c" data-midwest-widget="bracket" data-league="{playoffLeagueId}" data-accent="#2e7d32"></div>{loader}
            <div id="d" data-midwest-widget="bracket"></div>
            </body></html>
            """;

        await page.GotoAsync(BrowserSession.Sample.Origin + "/pages/several.html");

        await Expect(page.Locator("iframe")).ToHaveCountAsync(3);
        await Expect(page.FrameLocator("#a iframe").Locator("td.mw-team")).ToHaveCountAsync(4);
        await Expect(page.FrameLocator("#b iframe").Locator("h2")).ToHaveCountAsync(4);
        await Expect(page.FrameLocator("#c iframe").Locator(".mw-match-box")).ToHaveCountAsync(3);
        var ids = await page.Locator("iframe").EvaluateAllAsync<string[]>("frames => frames.map(f => f.id)");
        foreach (var slot in new[] { "a", "b", "c" })
        {
            var content = await page.Frames.Single(f => f.ParentFrame == page.MainFrame && f.Url.Contains(slot switch
            {
                "a" => "/standings",
                "b" => "/schedule",
                _ => "/bracket",
            }, StringComparison.Ordinal)).EvaluateAsync<double>("() => document.documentElement.getBoundingClientRect().height");
            await Expect(page.Locator($"#{slot} iframe")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex($"height: {Math.Ceiling(content)}px"));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(await page.Locator("#d").GetAttributeAsync("data-midwest-widget-error"), Is.EqualTo("data-league is missing"));
            Assert.That(problems, Has.Count.EqualTo(1).And.Some.Contains("data-league is missing"), "only the placeholder without a league is reported");
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Widget_FramedByAnOriginNotAllowed_IsRefusedByTheBrowser()
    {
        var page = await BrowserSession.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => refused.Add(message.Text);
        BrowserSession.Sample.Pages["elsewhere.html"] =
            $"<!DOCTYPE html><html><body><iframe id=\"w\" src=\"{BrowserSession.BaseUrl}/embed/leagues/{leagueId}/standings\"></iframe></body></html>";

        // The sample site's server under another name: an origin that is not in PublicApi:AllowedOrigins.
        await page.GotoAsync(BrowserSession.Sample.OtherOrigin + "/pages/elsewhere.html");
        await Expect(page.Locator("#w")).ToBeAttachedAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!refused.Any(r => r.Contains("frame-ancestors", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var framed = page.Frames.Where(f => f != page.MainFrame).ToList();
        var rendered = framed.Count > 0 && await framed[0].Locator("td.mw-team").CountAsync() > 0;
        Assert.Multiple(() =>
        {
            Assert.That(refused, Has.Some.Contains("frame-ancestors"), "the browser says why");
            Assert.That(rendered, Is.False, "the widget did not render in a page of another origin");
        });
        await page.Context.CloseAsync();
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = BrowserSession.SystemAdminEmail, password = BrowserSession.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Script errors, refused requests (CORS) and policy violations, on the page and in its frames.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url} {request.Failure}");
        return problems;
    }
}
