using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Every page and every kind of API answer carries the browser-side defences; sign-out needs its antiforgery token.</summary>
public sealed partial class SecurityHeadersTests
{
    private World world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task EveryPage_CarriesTheUiPolicyWithANonceForItsOnlyInlineScript()
    {
        var routes = Database.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();
        using var admin = world.Client(Persona.SystemAdmin);
        using var anonymous = world.Client(Persona.Anonymous);
        var checkedPages = new List<string>();

        foreach (var route in routes)
        {
            var path = RouteParameter().Replace(route, Guid.NewGuid().ToString());
            foreach (var client in new[] { admin, anonymous })
            {
                var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                var policy = Policy(response);
                Assert.Multiple(() =>
                {
                    AssertCommonHeaders(response, path);
                    Assert.That(policy, Does.Contain("script-src 'self' 'nonce-"), path);
                    Assert.That(Directive(policy, "script-src"), Does.Not.Contain("unsafe"), $"{path}: no inline or eval scripts");
                    foreach (var directive in new[] { "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data:", "font-src 'self' data:", "style-src 'self' 'unsafe-inline'" })
                    {
                        Assert.That(policy, Does.Contain(directive), path);
                    }

                    Assert.That(Directive(policy, "connect-src"), Does.Contain("'self'").And.Contain("ws://localhost"), $"{path}: the circuit's WebSocket");
                    foreach (Match script in InlineScript().Matches(html))
                    {
                        Assert.That(NonceOf(script), Is.Not.Empty.And.Matches<string>(n => policy.Contains($"'nonce-{n}'", StringComparison.Ordinal)), $"{path}: an inline script without this response's nonce");
                    }
                });
                checkedPages.Add($"{path} {(int)response.StatusCode}");
            }
        }

        TestContext.Progress.WriteLine($"Checked {checkedPages.Count} page answers: {string.Join(", ", checkedPages)}");
        Assert.That(routes, Has.Count.GreaterThan(10).And.Contains("/account/login").And.Contains("/account/reset-password"), "the page routes were found");
    }

    [Test]
    public async Task InlineScript_OfAPage_CarriesTheNonceOfItsPolicy()
    {
        using var anonymous = world.Client(Persona.Anonymous);

        var first = await anonymous.GetAsync("/account/login");
        var second = await anonymous.GetAsync("/account/login");
        var html = await first.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(InlineScript().Matches(html), Is.Not.Empty, "Blazor's import map is inline");
            Assert.That(InlineScript().Matches(html).Select(NonceOf), Is.All.Not.Empty);
            Assert.That(Policy(first), Is.Not.EqualTo(Policy(second)), "a fresh nonce per answer");
        });
    }

    [Test]
    public async Task ApiAnswers_OfEveryKind_CarryTheStrictPolicy()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        using var anonymous = world.Client(Persona.Anonymous);
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["200 list"] = await admin.GetAsync("/api/cities"),
            ["404"] = await admin.GetAsync($"/api/cities/{Guid.NewGuid()}"),
            ["400"] = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "" }),
            ["401"] = await anonymous.GetAsync("/api/cities"),
            ["403"] = await world.Client(Persona.MadisonViewer).GetAsync("/api/users"),
            ["login 401"] = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "x@example.org", password = "y" }),
            ["openapi"] = await admin.GetAsync("/openapi/v1.json"),
            ["health"] = await anonymous.GetAsync("/health/live"),
        };

        Assert.Multiple(() =>
        {
            foreach (var (name, response) in answers)
            {
                AssertCommonHeaders(response, name);
                Assert.That(Policy(response), Is.EqualTo(MidwestSports.Host.Infrastructure.SecurityHeaders.ApiPolicy), name);
            }

            Assert.That(answers.Select(a => (int)a.Value.StatusCode), Is.EqualTo(new[] { 200, 404, 400, 401, 403, 401, 200, 200 }));
        });
    }

    [Test]
    public async Task Logout_PostWithoutAntiforgeryToken_Answers400AndTheSessionSurvives()
    {
        using var browser = Database.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var loginPage = await browser.GetStringAsync("/account/login");
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(loginPage),
            ["Input.Email"] = World.Email(Persona.MilwaukeeAdmin),
            ["Input.Password"] = World.Password,
        }));
        var home = await browser.GetAsync("/");
        var homeHtml = await home.Content.ReadAsStringAsync();

        var forged = await browser.PostAsync("/account/logout", null);
        var forgedForm = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        var stillIn = await browser.GetAsync("/leagues");
        var real = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(homeHtml) }));
        var afterLogout = await browser.GetAsync("/leagues");

        Assert.Multiple(() =>
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in through the page");
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no body, no token");
            Assert.That(forgedForm.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a form without the token");
            Assert.That(stillIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session survives a forged sign-out");
            Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(real.Headers.Location?.ToString(), Does.EndWith("/account/login"));
            Assert.That(afterLogout.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out with the real form");
        });
    }

    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        Assert.That(response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.Count() : 0, Is.EqualTo(1), $"{what}: one policy");
        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), what);
        Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"), what);
    }

    private static string Policy(HttpResponseMessage response) => Header(response, "Content-Security-Policy") ?? string.Empty;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? string.Empty;

    private static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryInput().Match(html).Groups[1].Value);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>A script element without src: its code is inline.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?<attributes>[^>]*)>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\bnonce=""([^""]*)""")]
    private static partial Regex NonceAttribute();

    private static string NonceOf(Match script) => WebUtility.HtmlDecode(NonceAttribute().Match(script.Groups["attributes"].Value).Groups[1].Value);

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryInput();
}
