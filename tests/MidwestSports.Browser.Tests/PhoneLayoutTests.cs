using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// Phone layouts (issue 13, item 4): every admin page at 390 px fits the width, the app bar is one line, and the menu
/// drawer gets out of the way once a page is chosen from it.
/// </summary>
public sealed class PhoneLayoutTests
{
    private Guid seasonLeagueId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await using var scope = BrowserSession.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("phone-layout-tests");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
        var venue = await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Lake Park Fields", "3233 E Kenwood Blvd", ["Field A", "Field B"])));
        seasonLeagueId = await SeasonSeed.LeagueAsync(sender, milwaukee, venue.Id, "Milwaukee Saturday Kickball", DayOfWeek.Saturday,
            ["Grass Stains", "Red Rovers", "Kickstarters", "Sole Mates"]);
    }

    [Test]
    public async Task EveryAdminPage_At390Px_IsNoWiderThanTheViewport()
    {
        var teamId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT team_id FROM teams.team_listing WHERE sponsor_id IS NOT NULL ORDER BY name LIMIT 1");
        var sponsorId = await BrowserSession.Postgres.ScalarAsync<Guid>("SELECT id FROM sponsors.sponsors ORDER BY name LIMIT 1");
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("home", "/", "[data-testid=home-chase]"),
            ("system", "/system", "[data-testid=module-status]"),
            ("teams", "/teams", "[data-testid=team-row]"),
            ("team edit", $"/teams/{teamId}", "[data-testid=team-name]"),
            ("sponsors", "/sponsors", "[data-testid=sponsor-link]"),
            ("sponsor page", $"/sponsors/{sponsorId}", "[data-testid=sponsor-name]"),
            ("leagues", "/leagues", "[data-testid=league-link]"),
            ("league edit", $"/leagues/{BrowserSession.ChicagoLeagueId}", "[data-testid=league-name]"),
            ("season page", $"/leagues/{seasonLeagueId}/season", "[data-testid=game-row]"),
            ("venues", "/venues", "[data-testid=venues-table] td"),
            ("cities", "/cities", "[data-testid=cities-table] td"),
            ("users", "/users", "[data-testid=users-table] td"),
            ("audit", "/audit", "[data-testid=audit-table] td"),
            ("imports", "/imports", "[data-testid=import-steps]"),
            ("trivia", "/trivia", "[data-testid=trivia-sync-card]"),
            ("scores", "/scores", ".score-card, [data-testid=scores-empty]"),
        };
        var page = await PhoneAsync();
        var tooWide = new List<string>();

        foreach (var (name, path, ready) in pages)
        {
            await page.GotoAsync(BrowserSession.BaseUrl + path);
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
            await page.Locator(ready).First.WaitForAsync(new() { Timeout = 20_000 });
            await BrowserSession.ScreenshotAsync(page, "phone-" + name.Replace(' ', '-'));
            var overflow = await OverflowAsync(page);
            if (overflow is not null)
            {
                tooWide.Add($"{name} ({path}): {overflow}");
            }
        }

        Assert.That(tooWide, Is.Empty, "pages wider than a 390 px phone:\n" + string.Join("\n", tooWide));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task AppBar_At390Px_IsOneLine()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(BrowserSession.BaseUrl + "/teams");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });

        var bar = await page.GetByTestId("app-bar").BoundingBoxAsync();
        var menu = await page.GetByTestId("drawer-toggle").BoundingBoxAsync();
        var signOut = await page.GetByTestId("sign-out").BoundingBoxAsync();

        Assert.Multiple(() =>
        {
            Assert.That(bar!.Height, Is.LessThanOrEqualTo(64), "a dense app bar is one 48 px line; two lines are taller");
            Assert.That(Math.Abs((menu!.Y + (menu.Height / 2)) - (signOut!.Y + (signOut.Height / 2))), Is.LessThan(4), "the menu and Sign out sit on one line");
            Assert.That(signOut.X + signOut.Width, Is.LessThanOrEqualTo(390), "Sign out is on screen");
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Drawer_At390Px_StartsClosedOpensAndClosesAfterNavigating()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(BrowserSession.BaseUrl + "/");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        var drawer = page.GetByTestId("drawer");
        var teams = drawer.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true });
        await Expect(teams).Not.ToBeInViewportAsync();

        await page.GetByTestId("drawer-toggle").ClickAsync();
        await Expect(teams).ToBeInViewportAsync();
        await BrowserSession.ScreenshotAsync(page, "phone-drawer-open");
        await teams.ClickAsync();

        await Expect(page).ToHaveURLAsync(BrowserSession.BaseUrl + "/teams");
        await Expect(teams).Not.ToBeInViewportAsync();
        await Expect(page.GetByTestId("team-row").First).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>A signed-in system admin on a 390 x 844 phone screen from the first page on.</summary>
    private static async Task<IPage> PhoneAsync()
    {
        var context = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, BrowserSession.SystemAdminEmail, BrowserSession.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Null when the document fits the window; else its width and the outermost elements that stick out, to fix.</summary>
    private static Task<string?> OverflowAsync(IPage page) => page.EvaluateAsync<string?>("""
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return null;
          const describe = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
          const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 1);
          const outermost = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 5)
            .map(e => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px, inside ${describe(e.parentElement)})`);
          return `document ${document.documentElement.scrollWidth} px wide in a ${width} px window; sticking out: ${outermost.join('; ')}`;
        }
        """);
}
