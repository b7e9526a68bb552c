using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Who may call the public API: CORS for the website's origin, and the per-client limit behind known proxies.</summary>
public partial class PublicApiTests
{
    [Test]
    public async Task Cors_AllowsTheConfiguredSite_ForGetAndHeadOnly_AndNothingForOthers()
    {
        using var client = world.Client(Persona.Anonymous);
        var allowed = await SendAsync(client, HttpMethod.Get, "/public/v1/cities", MidwestApp.PublicSiteOrigin);
        var refused = await SendAsync(client, HttpMethod.Get, "/public/v1/cities", "https://evil.example");
        var preflight = await SendAsync(client, HttpMethod.Options, "/public/v1/cities", MidwestApp.PublicSiteOrigin, ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match"));
        var deletePreflight = await SendAsync(client, HttpMethod.Options, "/public/v1/cities", MidwestApp.PublicSiteOrigin, ("Access-Control-Request-Method", "DELETE"));
        var adminApi = await SendAsync(client, HttpMethod.Get, "/api/cities", MidwestApp.PublicSiteOrigin);

        Assert.Multiple(() =>
        {
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { MidwestApp.PublicSiteOrigin }));
            Assert.That(allowed.Headers.Contains("Access-Control-Allow-Credentials"), Is.False, "no credentials");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "nothing for another origin");
            Assert.That(preflight.Headers.GetValues("Access-Control-Allow-Methods").Single(), Is.EqualTo("GET,HEAD"));
            Assert.That(deletePreflight.Headers.Contains("Access-Control-Allow-Methods") && deletePreflight.Headers.GetValues("Access-Control-Allow-Methods").Single().Contains("DELETE", StringComparison.Ordinal), Is.False);
            Assert.That(adminApi.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "the admin API is not opened to the website");
        });
    }

    [Test]
    public async Task RateLimit_PerClientAddress_Is429WithRetryAfter_AndAForwardedAddressCountsOnlyFromAKnownProxy()
    {
        await using var app = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["PublicApi:RateLimit:PerMinute"] = "3",
            ["ForwardedHeaders:KnownProxies"] = "10.9.9.9",
        });
        using var client = world.Client(Persona.Anonymous, app);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            // A client that is not the known proxy cannot change its address with X-Forwarded-For.
            last = await SendAsync(client, HttpMethod.Get, "/public/v1/cities", null, (MidwestApp.ClientHeader, "192.0.2.10"), ("X-Forwarded-For", $"198.51.100.{i}"));
            statuses.Add(last.StatusCode);
        }

        var other = await SendAsync(client, HttpMethod.Get, "/public/v1/cities", null, (MidwestApp.ClientHeader, "192.0.2.11"));
        var viaProxyA = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            viaProxyA.Add((await SendAsync(client, HttpMethod.Get, "/public/v1/cities", null, (MidwestApp.ClientHeader, "10.9.9.9"), ("X-Forwarded-For", "203.0.113.5"))).StatusCode);
        }

        var viaProxyB = await SendAsync(client, HttpMethod.Get, "/public/v1/cities", null, (MidwestApp.ClientHeader, "10.9.9.9"), ("X-Forwarded-For", "203.0.113.6"));
        var problem = await last!.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            Assert.That(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another client has its own allowance");
            Assert.That(viaProxyA, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }), "behind the known proxy the forwarded client counts");
            Assert.That(viaProxyB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another client behind the same proxy has its own allowance");
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? origin, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
