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

/// <summary>The public answers' caching: ETags and 304, and cached answers evicted by every kind of change, on every host.</summary>
public partial class PublicApiTests
{
    [Test]
    public async Task EveryAnswer_HasAStrongETag_304OnIfNoneMatch_HeadWithoutBody_AndTheCachingHeaders()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        using var client = world.Client(Persona.Anonymous);
        foreach (var path in new[] { "/public/v1/cities", $"/public/v1/leagues/{season.LeagueId}/standings", $"/public/v1/leagues/{season.LeagueId}/games", "/public/v1/changes" })
        {
            var first = await client.GetAsync(path);
            var etag = first.Headers.ETag;
            var body = await first.Content.ReadAsByteArrayAsync();

            using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
            conditional.Headers.IfNoneMatch.Add(etag!);
            var notModified = await client.SendAsync(conditional);
            using var otherTag = new HttpRequestMessage(HttpMethod.Get, path);
            otherTag.Headers.IfNoneMatch.ParseAdd("\"something-else\"");
            var modified = await client.SendAsync(otherTag);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Multiple(async () =>
            {
                Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(etag, Is.Not.Null, path);
                Assert.That(etag!.IsWeak, Is.False, $"{path}: a strong ETag");
                Assert.That(first.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=30, stale-while-revalidate=300"), path);
                Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), path);
                Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty, path);
                Assert.That(notModified.Headers.ETag, Is.EqualTo(etag), path);
                Assert.That(modified.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(head.Headers.ETag, Is.EqualTo(etag), $"{path}: HEAD says what GET says");
                Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty, path);
                Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(body.Length), path);
            });
        }
    }

    [Test]
    public async Task EachKindOfChange_ShowsInTheCachedAnswersAtOnce()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee, sponsorId: sponsor.Id);
        using var client = world.Client(Persona.Anonymous);
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var standingsPath = $"/public/v1/leagues/{season.LeagueId}/standings";
        var teamPath = $"/public/v1/teams/{season.TeamIds[0]}";
        var gamesPath = $"/public/v1/leagues/{season.LeagueId}/games";
        await WarmAsync(client, standingsPath, teamPath, gamesPath, $"/public/v1/leagues/{season.LeagueId}");

        // A result entered.
        var game = season.Games[0];
        (await admin.PutAsJsonAsync($"/api/games/{game.Id}/result", new { homeScore = 9, awayScore = 2 })).EnsureSuccessStatusCode();
        var standings = await GetJsonAsync(client, standingsPath);
        Assert.That(standings.GetProperty("rows")[0].GetProperty("team").GetProperty("id").GetGuid(), Is.EqualTo(game.HomeTeamId), "the winner leads at once");

        // A team renamed: its page, and the league's schedule and standings (through the Leagues module's replica).
        var team = await World.SendAsSystemAsync(new GetTeam(season.TeamIds[0]));
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id}", new
        {
            name = "Renamed Rockets", leagueId = team.LeagueId, sponsorId = team.SponsorId, captainName = team.CaptainName, captainEmail = team.CaptainEmail,
            captainPhone = team.CaptainPhone, rosterSize = team.RosterSize, status = "Active",
        })).EnsureSuccessStatusCode();
        Assert.That((await GetJsonAsync(client, teamPath)).GetProperty("name").GetString(), Is.EqualTo("Renamed Rockets"));
        Assert.That((await client.GetStringAsync($"/public/v1/leagues/{season.LeagueId}")), Does.Contain("Renamed Rockets"));
        Assert.That((await client.GetStringAsync(standingsPath)), Does.Contain("Renamed Rockets"));

        // A sponsor renamed.
        (await admin.PutAsJsonAsync($"/api/sponsors/{sponsor.Id}", new { name = "Joe's Tavern", contactName = "Sam Owner", email = "sam@example.org", phone = "414-555-0100", cityIds = new[] { world.Milwaukee } }))
            .EnsureSuccessStatusCode();
        Assert.That((await GetJsonAsync(client, teamPath)).GetProperty("sponsor").GetProperty("name").GetString(), Is.EqualTo("Joe's Tavern"));

        // A schedule saved again, a week later.
        var before = (await GetJsonAsync(client, gamesPath)).GetProperty("games").EnumerateArray().Select(g => g.GetProperty("date").GetString()).Max();
        (await admin.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule", new { format = "Double", startDate = PublicSeason.Start.AddDays(7), weeks = 8, commit = true })).EnsureSuccessStatusCode();
        var after = (await GetJsonAsync(client, gamesPath)).GetProperty("games").EnumerateArray().Select(g => g.GetProperty("date").GetString()).Max();
        Assert.That(after, Is.GreaterThan(before!), "the new schedule shows at once");
    }

    [Test]
    public async Task AChangeMadeOnAnotherHost_ReachesThisHostsCache_ThroughTheChangeFeed()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        await using var other = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["PublicApi:EvictionPollInterval"] = "00:00:00.2",
            ["Hangfire:Enabled"] = "false",
        });
        using var otherClient = world.Client(Persona.Anonymous, other);
        var path = $"/public/v1/leagues/{season.LeagueId}/standings";
        await WarmAsync(otherClient, path);
        var cached = await otherClient.GetAsync(path);
        await Task.Delay(500); // the other host's evictor has read the feed's end by now

        // The result is entered on the first host: only it handles the event; the other learns from the feed.
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var game = season.Games[0];
        (await admin.PutAsJsonAsync($"/api/games/{game.Id}/result", new { homeScore = 6, awayScore = 0 })).EnsureSuccessStatusCode();
        Guid leader = default;
        for (var i = 0; i < 100 && leader != game.HomeTeamId; i++)
        {
            await Task.Delay(100);
            leader = (await GetJsonAsync(otherClient, path)).GetProperty("rows")[0].GetProperty("team").GetProperty("id").GetGuid();
        }

        Assert.Multiple(() =>
        {
            Assert.That(cached.Headers.Age, Is.Not.Null, "the other host served the standings from its cache");
            Assert.That(leader, Is.EqualTo(game.HomeTeamId), "and then the new standings, without waiting for the entry to expire");
        });
    }

    [Test]
    public async Task TriviaSynced_EvictsTheLeaguesCachedAnswers()
    {
        var league = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Tuesday Trivia", "Trivia", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Open", LeagueStatus.Active)));
        using var client = world.Client(Persona.Anonymous);
        var path = $"/public/v1/trivia/leagues/{league.Id}/standings";
        await client.GetAsync(path);
        var cached = await client.GetAsync(path);

        await using (var scope = Database.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new TriviaStandingsChanged(Guid.CreateVersion7(), league.Id, world.Milwaukee, DateTimeOffset.UtcNow));
        }

        var fresh = await client.GetAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cached.Headers.Age, Is.Not.Null, "the second answer came from the output cache");
            Assert.That(fresh.Headers.Age, Is.Null, "after the sync's event the answer is computed again");
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static async Task WarmAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }
    }
}
