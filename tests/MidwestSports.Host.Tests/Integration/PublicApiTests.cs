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

/// <summary>The public read API (/public/v1) as a website calls it: anonymous, published leagues only, cached, and never stale after a change.</summary>
public sealed class PublicApiTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Anonymous_ReadsAPublishedLeagueEverywhere_WhileAdminEndpointsStillNeedSignIn()
    {
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Lakefront Brewery");
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee, sponsorId: sponsor.Id);
        using var client = world.Client(Persona.Anonymous);

        var cities = await GetJsonAsync(client, "/public/v1/cities");
        var leagues = await GetJsonAsync(client, "/public/v1/cities/milwaukee/leagues?season=Fall%202026&sport=kickball");
        var league = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}");
        var games = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/games");
        var standings = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/standings");
        var bracket = await GetJsonAsync(client, $"/public/v1/leagues/{season.LeagueId}/bracket");
        var team = await GetJsonAsync(client, $"/public/v1/teams/{season.TeamIds[0]}");
        var admin = await client.GetAsync("/api/leagues");
        var firstGame = games.GetProperty("games")[0];

        Assert.Multiple(() =>
        {
            Assert.That(cities.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("slug").GetString()), Is.EquivalentTo(new[] { "milwaukee", "chicago", "madison" }));
            Assert.That(leagues.GetProperty("leagues").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()), Is.EqualTo(new[] { season.LeagueId }));
            Assert.That(leagues.GetProperty("leagues")[0].GetProperty("season").GetString(), Is.EqualTo("Fall 2026"));
            Assert.That(league.GetProperty("teams").GetArrayLength(), Is.EqualTo(4));
            Assert.That(league.GetProperty("venues")[0].GetProperty("address").GetString(), Is.EqualTo("3000 S Howell Ave"));
            Assert.That(league.GetProperty("night").GetString(), Is.EqualTo("Tuesday"));
            Assert.That(games.GetProperty("games").GetArrayLength(), Is.EqualTo(6), "four teams meet once: six games");
            Assert.That(firstGame.GetProperty("start").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T18:30:00-0[56]:00$"), "local time with the city's offset");
            Assert.That(firstGame.GetProperty("status").GetString(), Is.EqualTo("Scheduled"));
            Assert.That(standings.GetProperty("rows").GetArrayLength(), Is.EqualTo(4));
            Assert.That(standings.GetProperty("ruleSet").GetString(), Is.EqualTo("standard"));
            Assert.That(bracket.GetProperty("matches").GetArrayLength(), Is.Zero);
            Assert.That(team.GetProperty("sponsor").GetProperty("name").GetString(), Is.EqualTo("Lakefront Brewery"));
            Assert.That(team.GetProperty("games").GetArrayLength(), Is.EqualTo(3));
            foreach (var payload in new[] { cities, leagues, league, games, standings, bracket, team })
            {
                Assert.That(payload.TryGetProperty("updatedAt", out var at) && at.GetDateTimeOffset() > DateTimeOffset.UnixEpoch, Is.True, "every payload says when it last changed");
            }

            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the admin API still needs a sign-in");
        });
    }

    [Test]
    public async Task DraftArchivedAndHiddenLeagues_AndEverythingUnderThem_Are404()
    {
        var draft = await PublicSeason.CreateAsync(world, world.Milwaukee, "Draft League", status: LeagueStatus.Draft);
        var archived = await PublicSeason.CreateAsync(world, world.Milwaukee, "Old League");
        var hidden = await PublicSeason.CreateAsync(world, world.Milwaukee, "Hidden League");
        await World.SendAsSystemAsync(new ArchiveLeague(archived.LeagueId));
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var hide = await admin.PutAsJsonAsync($"/api/leagues/{hidden.LeagueId}", new
        {
            name = "Hidden League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active", publicVisible = false,
        });
        using var client = world.Client(Persona.Anonymous);
        var list = await GetJsonAsync(client, "/public/v1/cities/milwaukee/leagues");

        Assert.That(hide.StatusCode, Is.EqualTo(HttpStatusCode.OK), await hide.Content.ReadAsStringAsync());
        foreach (var season in new[] { draft, archived, hidden })
        {
            foreach (var path in new[]
            {
                $"/public/v1/leagues/{season.LeagueId}", $"/public/v1/leagues/{season.LeagueId}/games", $"/public/v1/leagues/{season.LeagueId}/standings",
                $"/public/v1/leagues/{season.LeagueId}/bracket", $"/public/v1/teams/{season.TeamIds[0]}", $"/public/v1/trivia/leagues/{season.LeagueId}/standings",
            })
            {
                var response = await client.GetAsync(path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), path);
            }
        }

        Assert.That(list.GetProperty("leagues").GetArrayLength(), Is.Zero, "no draft, archived or hidden league is listed");

        // Turned back on: public again, at once.
        var show = await admin.PutAsJsonAsync($"/api/leagues/{hidden.LeagueId}", new
        {
            name = "Hidden League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active", publicVisible = true,
        });
        Assert.That(show.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync($"/public/v1/leagues/{hidden.LeagueId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeletedTeam_Is410_AndUnknownTeam404()
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        await World.SendAsSystemAsync(new DeleteTeam(season.TeamIds[3]));
        using var client = world.Client(Persona.Anonymous);

        var deleted = await client.GetAsync($"/public/v1/teams/{season.TeamIds[3]}");
        var unknown = await client.GetAsync($"/public/v1/teams/{Guid.NewGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

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

    [TestCase("/public/v1/leagues/not-a-guid", "id")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-13-01", "from")]
    [TestCase("/public/v1/leagues/{league}/games?from=11/24/2026", "from")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-03-01&to=2026-02-01", "to")]
    [TestCase("/public/v1/leagues/{league}/games?from=2026-01-01&to=2027-06-01", "to")]
    [TestCase("/public/v1/leagues/{league}/games?teamId=42", "teamId")]
    [TestCase("/public/v1/changes?since=not-a-token", "since")]
    [TestCase("/public/v1/changes?since=AQAAAAAAAAH", "since")]
    [TestCase("/public/v1/cities/milwaukee/leagues?season=Autumn%202026", "season")]
    [TestCase("/public/v1/teams/%20", "id")]
    public async Task MalformedInput_Is400NamingTheParameter(string path, string field)
    {
        var season = await PublicSeason.CreateAsync(world, world.Milwaukee);
        using var client = world.Client(Persona.Anonymous);

        var response = await client.GetAsync(path.Replace("{league}", season.LeagueId.ToString(), StringComparison.Ordinal));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task UnknownIdsAre404_AndWritesAre405()
    {
        using var client = world.Client(Persona.Anonymous);

        var unknownLeague = await client.GetAsync($"/public/v1/leagues/{Guid.NewGuid()}/standings");
        var unknownCity = await client.GetAsync("/public/v1/cities/atlantis/leagues");
        var unknownPath = await client.GetAsync("/public/v1/nothing-here");
        var post = await client.PostAsJsonAsync("/public/v1/cities", new { name = "Atlantis" });

        Assert.Multiple(() =>
        {
            Assert.That(unknownLeague.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownCity.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(post.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD" }));
        });
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task WarmAsync(HttpClient client, params string[] paths)
    {
        foreach (var path in paths)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }
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
