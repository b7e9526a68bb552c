using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The pages work under their Content-Security-Policy: the browser reports no violation and Blazor's circuit connects.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Test]
    public async Task Pages_UnderThePolicy_RenderAndConnectWithNoViolation()
    {
        var page = await BrowserSession.NewPageAsync();
        var violations = Watch(page);

        foreach (var path in new[] { "/account/login", "/account/forgot-password", "/account/reset-password?email=a%40b.org&token=x" })
        {
            await page.GotoAsync(BrowserSession.BaseUrl + path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
        }

        await BrowserSession.SignInAsync(page, BrowserSession.SystemAdminEmail, BrowserSession.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var visited = new List<string>();
        foreach (var path in new[] { "/", "/scores", "/leagues", "/teams", "/sponsors", "/users", "/cities", "/venues", "/audit", $"/leagues/{BrowserSession.SeasonLeagueId}/season" })
        {
            await page.GotoAsync(BrowserSession.BaseUrl + path);
            // The circuit is live: the WebSocket (connect-src) and blazor.web.js (script-src) both passed the policy.
            await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });
            visited.Add(path);
        }

        // The API reference works offline: nothing it loads comes from another origin (no CDN fonts, no telemetry).
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BrowserSession.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        await page.GotoAsync(BrowserSession.BaseUrl + "/scalar");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var scalarText = await page.Locator("body").InnerTextAsync();
        await BrowserSession.ScreenshotAsync(page, "csp-scalar");
        await page.GotoAsync(BrowserSession.BaseUrl + "/jobs");
        await Expect(page.Locator("body")).ToContainTextAsync("Midwest Sports jobs");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Multiple(() =>
        {
            Assert.That(visited, Has.Count.EqualTo(10));
            Assert.That(elsewhere, Is.Empty, "the API reference loaded something from another origin");
            Assert.That(scalarText, Does.Contain("Login").Or.Contain("Midwest"), "the API reference rendered its operations");
            Assert.That(violations, Is.Empty);
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task InlineScript_WithoutTheNonce_IsBlocked()
    {
        var page = await BrowserSession.NewPageAsync();
        var violations = Watch(page);
        await page.GotoAsync(BrowserSession.BaseUrl + "/account/login");

        // What an injected script would be: a script element added by the page's own markup, without the nonce.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
        var ran = await page.EvaluateAsync<bool>("() => window.injected === true");

        Assert.Multiple(() =>
        {
            Assert.That(ran, Is.False, "the policy blocked the inline script");
            Assert.That(violations, Has.Some.Contains("script-src"), "the browser reported it");
        });
        await page.Context.CloseAsync();
    }

    /// <summary>Chromium reports each violation on the console and as an error; both are collected.</summary>
    private static List<string> Watch(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) =>
        {
            if (error.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {error}");
            }
        };
        return violations;
    }
}
