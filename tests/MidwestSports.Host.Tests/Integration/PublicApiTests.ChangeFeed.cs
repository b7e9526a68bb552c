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

/// <summary>The public change feed: tokens, no drafts, retention.</summary>
public partial class PublicApiTests
{
    [Test]
    public async Task ChangeFeed_GivesWhatChangedSinceAToken_AndNothingOfDrafts()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        var draft = await PublicSeason.CreateAsync(world, world.Milwaukee, "Draft League", status: LeagueStatus.Draft);
        using var admin0 = world.Client(Persona.MilwaukeeAdmin);
        // A draft hidden from the public site is still a draft: its id stays out of the feed.
        (await admin0.PutAsJsonAsync($"/api/leagues/{draft.LeagueId}", new
        {
            name = "Draft League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Draft", publicVisible = false,
        })).EnsureSuccessStatusCode();
        using var client = world.Client(Persona.Anonymous);
        var start = await DrainAsync(client, null);

        using var admin = world.Client(Persona.MilwaukeeAdmin);
        (await admin.PutAsJsonAsync($"/api/games/{season.Games[0].Id}/result", new { homeScore = 4, awayScore = 1 })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/games/{draft.Games[0].Id}/result", new { homeScore = 4, awayScore = 1 })).EnsureSuccessStatusCode();
        var page = await GetJsonAsync(client, $"/public/v1/changes?since={start.Token}");
        var changes = page.GetProperty("changes").EnumerateArray().ToList();
        var again = await GetJsonAsync(client, $"/public/v1/changes?since={page.GetProperty("next").GetString()}");

        Assert.Multiple(() =>
        {
            Assert.That(start.Ids, Does.Not.Contain(draft.LeagueId), "a draft league's ids never enter the feed");
            Assert.That(changes.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("id").GetGuid())), Does.Contain(("game", season.Games[0].Id)));
            Assert.That(changes.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("id").GetGuid())), Does.Contain(("standings", season.LeagueId)));
            Assert.That(changes.Select(c => c.GetProperty("leagueId").GetGuid()), Has.All.EqualTo(season.LeagueId));
            Assert.That(again.GetProperty("changes").GetArrayLength(), Is.Zero, "nothing new after the last token");
            Assert.That(again.GetProperty("next").GetString(), Is.EqualTo(page.GetProperty("next").GetString()));
        });
    }

    [Test]
    public async Task ChangeFeed_ATokenOlderThanWhatTheFeedKeeps_Is410_AndStartingOverWorks()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        using var client = world.Client(Persona.Anonymous);
        var old = (await GetJsonAsync(client, "/public/v1/changes")).GetProperty("next").GetString();
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        (await admin.PutAsJsonAsync($"/api/games/{season.Games[0].Id}/result", new { homeScore = 2, awayScore = 1 })).EnsureSuccessStatusCode();

        // The nightly retention job, on a host that keeps nothing.
        await using var keepsNothing = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["PublicApi:ChangeFeedRetention"] = "00:00:00",
            ["Hangfire:Enabled"] = "false",
        });
        var job = new MidwestSports.PublicSite.PublicSiteModule().RecurringJobs.Single(j => j.Id == "public-site-change-feed-retention");
        await using (var scope = keepsNothing.Services.CreateAsyncScope())
        {
            // As the Host's job runner does: a job acts for the platform, in system scope.
            scope.ServiceProvider.GetRequiredService<MidwestSports.Shared.Access.CurrentScope>().Scope = MidwestSports.Shared.Access.CityScope.System(job.Id);
            await job.Run(scope.ServiceProvider, CancellationToken.None);
        }

        var expired = await client.GetAsync($"/public/v1/changes?since={old}");
        var fresh = await GetJsonAsync(client, "/public/v1/changes");

        Assert.Multiple(() =>
        {
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(fresh.GetProperty("changes").GetArrayLength(), Is.Zero, "everything older than the window is gone");
        });
    }

    private static async Task<(string Token, HashSet<Guid> Ids)> DrainAsync(HttpClient client, string? token)
    {
        var ids = new HashSet<Guid>();
        while (true)
        {
            var page = await GetJsonAsync(client, token is null ? "/public/v1/changes" : $"/public/v1/changes?since={token}");
            foreach (var change in page.GetProperty("changes").EnumerateArray())
            {
                ids.Add(change.GetProperty("id").GetGuid());
                if (change.GetProperty("leagueId").ValueKind == JsonValueKind.String)
                {
                    ids.Add(change.GetProperty("leagueId").GetGuid());
                }
            }

            token = page.GetProperty("next").GetString()!;
            if (!page.GetProperty("more").GetBoolean())
            {
                return (token, ids);
            }
        }
    }
}
