using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

// A namespace of its own: BrowserSession (a SetUpFixture of MidwestSports.Browser.Tests) would start a test app and
// database that the tour does not use; it drives the app that build/screenshots.sh started.
namespace MidwestSports.AdminTour;

/// <summary>
/// Run by build/screenshots.sh against the running demo app: a screenshot of every admin page at 1440 and 390 px,
/// and the time to interactive of the home, teams and season pages (median of 10 loads) with their request counts.
/// "Interactive" means: Blazor started and its circuit connected (the layout's <c>[data-interactive=true]</c> marker,
/// rendered only by the live circuit) and the page's own main content present (a page-specific selector), measured in
/// the browser as <c>performance.now()</c> from the start of navigation.
/// </summary>
[Explicit("Run by build/screenshots.sh against a running demo app")]
public sealed class AdminTour
{
    private const int Loads = 10;

    private static readonly (string Name, string Selector)[] Measured =
    [
        ("home", "[data-testid=home-chase]"),
        ("teams", "[data-testid=teams-table] tbody tr"),
        ("season", "[data-testid=game-row], [data-testid=schedule-preview]"),
    ];

    [Test]
    public async Task Tour_EveryAdminPage_ScreenshotsAndTimeToInteractive()
    {
        var baseUrl = Setting("MIDWEST_TOUR_URL");
        var folder = Setting("MIDWEST_TOUR_OUT");
        var report = Setting("MIDWEST_TOUR_REPORT");
        Directory.CreateDirectory(folder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MIDWEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, baseUrl);
        var pages = await PagesAsync(page, baseUrl);

        foreach (var (name, path) in pages)
        {
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                await page.GotoAsync(baseUrl + path);
                await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await ContentShownAsync(page);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
            }
        }

        await page.SetViewportSizeAsync(1440, 900);
        var table = new StringBuilder();
        table.AppendLine("| Page | Median time to interactive (ms) | Fastest / slowest (ms) | Requests (median) |");
        table.AppendLine("|---|---:|---:|---:|");
        var medians = new List<double>();
        foreach (var (name, selector) in Measured)
        {
            var path = pages.Single(p => p.Name == name).Path;
            await LoadAsync(page, baseUrl + path, selector); // warm-up: not counted
            var runs = new List<(double Ms, int Requests)>();
            for (var i = 0; i < Loads; i++)
            {
                runs.Add(await LoadAsync(page, baseUrl + path, selector));
            }

            var median = Median(runs.Select(r => r.Ms));
            medians.Add(median);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {name} (`{path}`) | {median:0} | {runs.Min(r => r.Ms):0} / {runs.Max(r => r.Ms):0} | {Median(runs.Select(r => (double)r.Requests)):0} |");
        }

        await File.WriteAllTextAsync(report, table.ToString());
        await TestContext.Progress.WriteLineAsync(table.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(p => new[] { $"{p.Name}-1440.png", $"{p.Name}-390.png" }).Where(f => !File.Exists(Path.Combine(folder, f))), Is.Empty, "two screenshots per page");
            Assert.That(medians, Has.All.GreaterThan(0), "every measured page became interactive");
        });
    }

    /// <summary>One full load: navigation start to the circuit live and the page's content shown, and the requests it made.</summary>
    private static async Task<(double Ms, int Requests)> LoadAsync(IPage page, string url, string selector)
    {
        var requests = 0;
        void Count(object? sender, IRequest request) => requests++;
        page.Request += Count;
        try
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            var ready = await page.WaitForFunctionAsync(
                "selector => document.querySelector('[data-interactive=true]') && document.querySelector(selector) ? performance.now() : false",
                selector,
                new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 30_000 });
            return (await ready.JsonValueAsync<double>(), requests);
        }
        finally
        {
            page.Request -= Count;
        }
    }

    /// <summary>
    /// Pages that read on the live circuit (home, season) show a loading bar until their data is in: the WebSocket's
    /// reads are not network requests, so NetworkIdle does not wait for them. Waits for every indeterminate bar to go
    /// (at most 15 s; a page still loading then is photographed as it is).
    /// </summary>
    private static async Task ContentShownAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-indeterminate')", null, new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.Locator("#email").FillAsync("admin@example.org");
        await page.Locator("#password").FillAsync(Environment.GetEnvironmentVariable("MIDWEST_DEMO_PASSWORD") is { Length: > 0 } p ? p : "Midwest-Demo-1");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Every admin page; the edit and season pages of real demo entities, found through the API as the admin.</summary>
    private static async Task<List<(string Name, string Path)>> PagesAsync(IPage page, string baseUrl)
    {
        var league = await FirstIdAsync(page, baseUrl + "/api/leagues?pageSize=1");
        var team = await FirstIdAsync(page, baseUrl + "/api/teams?pageSize=1");
        var sponsor = await FirstIdAsync(page, baseUrl + "/api/sponsors?pageSize=1");
        var season = await ScheduledLeagueAsync(page, baseUrl) ?? league;
        return
        [
            ("home", "/"), ("scores", "/scores"), ("leagues", "/leagues"), ("league-edit", $"/leagues/{league}"), ("season", $"/leagues/{season}/season"),
            ("teams", "/teams"), ("team-edit", $"/teams/{team}"), ("sponsors", "/sponsors"), ("sponsor-edit", $"/sponsors/{sponsor}"),
            ("venues", "/venues"), ("cities", "/cities"), ("users", "/users"), ("system", "/system"), ("audit", "/audit"), ("imports", "/imports"), ("trivia", "/trivia"),
        ];
    }

    private static async Task<string> FirstIdAsync(IPage page, string url)
    {
        using var body = JsonDocument.Parse(await (await page.APIRequest.GetAsync(url)).TextAsync());
        return body.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>A league with games, so the season page shows a schedule (the demo seed schedules the first fall leagues).</summary>
    private static async Task<string?> ScheduledLeagueAsync(IPage page, string baseUrl)
    {
        using var leagues = JsonDocument.Parse(await (await page.APIRequest.GetAsync(baseUrl + "/api/leagues?pageSize=100&term=Fall")).TextAsync());
        foreach (var league in leagues.RootElement.GetProperty("items").EnumerateArray())
        {
            var id = league.GetProperty("id").GetString()!;
            using var games = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{baseUrl}/api/leagues/{id}/games")).TextAsync());
            if (games.RootElement.ValueKind == JsonValueKind.Array && games.RootElement.GetArrayLength() > 0)
            {
                return id;
            }
        }

        return null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: run build/screenshots.sh.");
}
