using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MidwestSports.Host.Infrastructure;
using MidwestSports.Testing;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The demo data (every city, league, schedule, result, bracket and trivia night of a demo install) crawled through
/// every public route, and every answer searched for every captain's and sponsor contact's name, email and phone,
/// and every user's email: none may appear.
/// </summary>
public sealed class PublicDataLeakTests
{
    [Test]
    public async Task NoPublicAnswer_CarriesACaptainsOrAContactsNameEmailOrPhone()
    {
        await using var postgres = await TestPostgres.CreateAsync("publicleak");
        await using var app = new MidwestApp(postgres.ConnectionString, new Dictionary<string, string?> { ["Demo:Teams"] = "400", ["Hangfire:Enabled"] = "false" });
        await DemoData.SeedAsync(app.Services, app.Services.GetRequiredService<IConfiguration>(), NullLogger.Instance);
        var secrets = await SecretsAsync(postgres);
        using var client = app.CreateClient();

        var answers = await CrawlAsync(client);
        var leaks = (from answer in answers
                     from secret in secrets
                     where answer.Body.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{answer.Path}: {secret}").Take(20).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(secrets, Has.Count.GreaterThan(400), "the demo's captains, contacts and users were read");
            Assert.That(answers.Count(a => a.Path.Contains("/standings", StringComparison.Ordinal)), Is.GreaterThan(10), "the crawl reached the leagues");
            Assert.That(answers.Count(a => a.Path.StartsWith("/public/v1/teams/", StringComparison.Ordinal)), Is.GreaterThan(100), "and their teams");
            Assert.That(leaks, Is.Empty);
        });
    }

    private static async Task<List<string>> SecretsAsync(TestPostgres postgres)
    {
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sql in new[]
        {
            "SELECT captain_name FROM teams.teams WHERE captain_name IS NOT NULL", "SELECT captain_email FROM teams.teams WHERE captain_email IS NOT NULL", "SELECT captain_phone FROM teams.teams WHERE captain_phone IS NOT NULL",
            "SELECT contact_name FROM sponsors.sponsors WHERE contact_name IS NOT NULL", "SELECT email FROM sponsors.sponsors WHERE email IS NOT NULL", "SELECT phone FROM sponsors.sponsors WHERE phone IS NOT NULL",
            "SELECT email FROM identity.users WHERE email IS NOT NULL",
        })
        {
            foreach (var value in await postgres.ColumnAsync(sql))
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                secrets.Add(value.Trim());
                var digits = new string([.. value.Where(char.IsAsciiDigit)]);
                if (digits.Length >= 7 && !value.Contains('@', StringComparison.Ordinal))
                {
                    secrets.Add(digits); // the same phone written without its punctuation
                }
            }
        }

        return [.. secrets];
    }

    private static async Task<List<(string Path, string Body)>> CrawlAsync(HttpClient client)
    {
        var answers = new List<(string Path, string Body)>();

        async Task<JsonElement?> GetAsync(string path)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync();
            answers.Add((path, body));
            return response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(body).RootElement.Clone() : null;
        }

        var cities = await GetAsync("/public/v1/cities");
        foreach (var city in cities!.Value.GetProperty("cities").EnumerateArray())
        {
            var leagues = await GetAsync($"/public/v1/cities/{city.GetProperty("slug").GetString()}/leagues");
            foreach (var league in leagues!.Value.GetProperty("leagues").EnumerateArray())
            {
                var id = league.GetProperty("id").GetGuid();
                var detail = await GetAsync($"/public/v1/leagues/{id}");
                foreach (var path in new[]
                {
                    $"/public/v1/leagues/{id}/games", $"/public/v1/leagues/{id}/standings", $"/public/v1/leagues/{id}/bracket",
                    $"/public/v1/trivia/leagues/{id}/standings", $"/public/v1/trivia/leagues/{id}/nights",
                    $"/embed/leagues/{id}/standings", $"/embed/leagues/{id}/schedule", $"/embed/leagues/{id}/bracket", $"/embed/trivia/leagues/{id}/standings",
                    $"/calendar/leagues/{id}.ics",
                })
                {
                    await GetAsync(path);
                }

                foreach (var team in detail!.Value.GetProperty("teams").EnumerateArray())
                {
                    var teamId = team.GetProperty("id").GetGuid();
                    await GetAsync($"/public/v1/teams/{teamId}");
                    await GetAsync($"/embed/teams/{teamId}/schedule");
                    await GetAsync($"/calendar/teams/{teamId}.ics");
                }

                foreach (var venue in detail.Value.GetProperty("venues").EnumerateArray())
                {
                    await GetAsync($"/calendar/venues/{venue.GetProperty("id").GetGuid()}.ics");
                }
            }
        }

        string? token = null;
        for (var more = true; more;)
        {
            var page = await GetAsync(token is null ? "/public/v1/changes" : $"/public/v1/changes?since={token}");
            token = page!.Value.GetProperty("next").GetString();
            more = page.Value.GetProperty("more").GetBoolean();
        }

        return answers;
    }
}
