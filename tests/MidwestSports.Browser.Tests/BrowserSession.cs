using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
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

    private static KestrelApp? app;
    private static IPlaywright? playwright;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Postgres = await TestPostgres.CreateAsync("browser");
        app = new KestrelApp(Postgres.ConnectionString);
        app.StartServer();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

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
    }

    /// <summary>Opens a page and waits until the Blazor circuit is live, so that clicks are not lost.</summary>
    internal static async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        return page;
    }

    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    private sealed class KestrelApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Hangfire:WorkerCount", "1");
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }
}
