using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Identity.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;
using MidwestSports.Testing;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// The real Host on Kestrel (a browser needs a socket), a fresh database, and Debian's Chromium driven by
/// Playwright. Nothing is downloaded: the browser is the system one.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    internal static TestPostgres Postgres { get; private set; } = null!;

    internal static string BaseUrl { get; private set; } = string.Empty;

    internal static IBrowser Browser { get; private set; } = null!;

    internal static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("MIDWEST_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(TestPostgres.RepositoryRoot(), "TestResults", "screenshots");

    internal const string Password = "Browser-Test-1!";

    internal const string SystemAdminEmail = "sys@browser.example.org";

    internal const string MilwaukeeAdminEmail = "mke@browser.example.org";

    /// <summary>A Madison CityViewer: reads, changes nothing.</summary>
    internal const string ViewerEmail = "viewer@browser.example.org";

    internal const string LockoutEmail = "lockout@browser.example.org";

    /// <summary>A user a system admin forces through a password reset.</summary>
    internal const string ForcedResetEmail = "forced@browser.example.org";

    internal static Guid ChicagoLeagueId { get; private set; }

    /// <summary>A Milwaukee league of 8 teams with a two-field venue and two start times, ready to be scheduled.</summary>
    internal static Guid SeasonLeagueId { get; private set; }

    /// <summary>The sample public site, on an origin of its own that the app allows (PublicApi:AllowedOrigins).</summary>
    internal static SampleSite Sample { get; private set; } = null!;

    internal static IServiceProvider Services => app!.Services;

    private static KestrelApp? app;
    private static IPlaywright? playwright;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Postgres = await TestPostgres.CreateAsync("browser");
        Sample = await SampleSite.StartAsync();
        app = new KestrelApp(Postgres.ConnectionString, Sample.Origin);
        app.StartServer();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await SeedAsync(app.Services);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MIDWEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Postgres.DisposeAsync();
        if (Sample is not null)
        {
            await Sample.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (no cookies) on the sign-in page.</summary>
    internal static async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page as a person would.</summary>
    internal static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Signs in, opens a page and waits until the Blazor circuit is live, so that clicks are not lost.</summary>
    internal static async Task<IPage> OpenAsync(string path, string email = SystemAdminEmail)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        return page;
    }

    /// <summary>
    /// True when the page does not scroll sideways (a phone layout that fits its viewport) once its layout has settled:
    /// after a viewport change the responsive components re-render on the server's answer to the resize, so the check
    /// waits up to 5 s for the page to fit (a CI run read it 1 s after the resize, before that answer) and is false when
    /// it never does.
    /// </summary>
    internal static async Task<bool> FitsTheWidthAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    /// <summary>Three cities with a league each, and the users the tests sign in as, through the modules' own commands.</summary>
    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MidwestSports.Shared.Access.CurrentScope>().Scope = MidwestSports.Shared.Access.CityScope.System("browser-tests");
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        var cities = new Dictionary<string, Guid>();
        foreach (var (name, state) in new[] { ("Milwaukee", "WI"), ("Chicago", "IL"), ("Madison", "WI") })
        {
            cities[name] = (await sender.Send(new CreateCity(name, state, "America/Chicago"))).Id;
            var league = await sender.Send(new CreateLeague(new LeagueFields(
                $"{name} Tuesday Kickball", "Kickball", cities[name], 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Recreational", LeagueStatus.Active)));
            if (name == "Chicago")
            {
                ChicagoLeagueId = league.Id;
            }
        }

        foreach (var sponsor in new[] { "Ale House", "Kale & Co", "Zephyr Auto", "Brew City Bagels" })
        {
            await sender.Send(new MidwestSports.Sponsors.Contracts.CreateSponsor(new MidwestSports.Sponsors.Contracts.SponsorFields(
                sponsor, null, null, null, null, [cities["Milwaukee"], cities["Chicago"], cities["Madison"]])));
        }

        await sender.Send(new MidwestSports.Teams.Contracts.SeedTeams(90));
        var season = await sender.Send(new CreateLeague(new LeagueFields(
            "Milwaukee Thursday Softball", "Softball", cities["Milwaukee"], 2027, SeasonTerm.Spring, DayOfWeek.Thursday, "Co-ed", LeagueStatus.Active)));
        SeasonLeagueId = season.Id;
        foreach (var team in new[] { "Bases Loaded", "Brew Crew", "Diamond Cutters", "Lake Effect", "Pitch Please", "Riverwest Rockets", "Sandlot Legends", "Walk-Off Wonders" })
        {
            await sender.Send(new MidwestSports.Teams.Contracts.CreateTeam(new MidwestSports.Teams.Contracts.TeamFields(
                team, season.Id, null, "Casey Captain", null, null, 12, MidwestSports.Teams.Contracts.TeamStatus.Active)));
        }

        var venue = await sender.Send(new CreateVenue(new VenueFields(cities["Milwaukee"], "Humboldt Park", "3000 S Howell Ave", ["Diamond 1", "Diamond 2"])));
        await sender.Send(new SetLeagueSlots(season.Id, [
            new SlotFields(venue.Id, "Diamond 1", new TimeOnly(18, 30), 60), new SlotFields(venue.Id, "Diamond 2", new TimeOnly(18, 30), 60),
            new SlotFields(venue.Id, "Diamond 1", new TimeOnly(19, 30), 60), new SlotFields(venue.Id, "Diamond 2", new TimeOnly(19, 30), 60)]));
        // A trivia league at the Tap Room, whose nights the fake partner (enabled on this host) serves.
        var tapRoom = await sender.Send(new CreateVenue(new VenueFields(cities["Milwaukee"], "The Tap Room", "300 Water St", ["Main Room"])));
        var trivia = await sender.Send(new CreateLeague(new LeagueFields(
            "Milwaukee Tuesday Trivia", "Trivia", cities["Milwaukee"], 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar League", LeagueStatus.Active)));
        await sender.Send(new SetLeagueSlots(trivia.Id, [new SlotFields(tapRoom.Id, "Main Room", new TimeOnly(19, 0), 120)]));
        foreach (var team in new[] { "Quizzly Bears", "Know It Ales", "Smarty Pints", "Nerd Herd", "Quiz Khalifa", "Sherlock Homies", "The Think Tank", "Beer Necessities" })
        {
            await sender.Send(new MidwestSports.Teams.Contracts.CreateTeam(new MidwestSports.Teams.Contracts.TeamFields(
                team, trivia.Id, null, "Quinn Captain", null, null, 6, MidwestSports.Teams.Contracts.TeamStatus.Active)));
        }

        await sender.Send(new CreateUser(SystemAdminEmail, "Browser Sys", Password, PlatformRole.SystemAdmin, []));
        await sender.Send(new CreateUser(MilwaukeeAdminEmail, "Browser Milwaukee", Password, PlatformRole.CityAdmin, [cities["Milwaukee"]]));
        await sender.Send(new CreateUser(LockoutEmail, "Browser Lockout", Password, PlatformRole.CityAdmin, [cities["Madison"]]));
        await sender.Send(new CreateUser(ViewerEmail, "Browser Viewer", Password, PlatformRole.CityViewer, [cities["Madison"]]));
        await sender.Send(new CreateUser(ForcedResetEmail, "Browser Forced", Password, PlatformRole.CityViewer, [cities["Madison"]]));
    }

    private sealed class KestrelApp(string connectionString, string sampleSiteOrigin) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Hangfire:WorkerCount", "1");
            builder.UseSetting("Auth:SecureCookies", "false"); // plain http on loopback
            builder.UseSetting("PublicApi:AllowedOrigins", sampleSiteOrigin);
            builder.UseSetting("Trivia:FakePartner:Enabled", "true"); // the app serves the partner's feed to itself, as in Development
            // Every test signs in from 127.0.0.1: the sign-in limits would otherwise stop the suite, not an attacker.
            builder.UseSetting("Auth:RateLimit:PerClientPermits", "100000");
            builder.UseSetting("Auth:RateLimit:PerAccountPermits", "100000");
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }
}
