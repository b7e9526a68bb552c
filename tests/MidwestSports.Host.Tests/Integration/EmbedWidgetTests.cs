using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The widgets a website frames (<c>/embed</c>): what they show of a published league and nothing of an unpublished
/// one, their answers to bad input, their caching, and the browser-side rules that let only the website frame them.
/// </summary>
public sealed class EmbedWidgetTests
{
    private static readonly DateOnly SeasonStart = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task EveryWidget_OfAPublishedLeague_IsEncodedHtmlWithoutCookiesOrFrameOptions()
    {
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        var trivia = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Trivia", name: "Tuesday Trivia");
        await World.SendAsSystemAsync(new CreatePlayoffs(season.LeagueId, PlayoffFormat.SingleElimination, 4));
        using var anonymous = world.Client(Persona.Anonymous);
        var paths = new[]
        {
            $"/embed/leagues/{season.LeagueId}/standings",
            $"/embed/leagues/{season.LeagueId}/schedule",
            $"/embed/leagues/{season.LeagueId}/schedule?view=team",
            $"/embed/leagues/{season.LeagueId}/schedule?view=week&teamId={season.TeamIds[0]}",
            $"/embed/leagues/{season.LeagueId}/bracket",
            $"/embed/teams/{season.TeamIds[0]}/schedule",
            $"/embed/trivia/leagues/{trivia.LeagueId}/standings",
        };

        foreach (var path in paths)
        {
            // The trivia module hears of a new league through the outbox: its widget may take a moment to exist.
            var response = await Probe.UntilAsync(() => anonymous.GetAsync(path), r => r.StatusCode == HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {html}");
                Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"), path);
                Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, $"{path}: no cookies");
                Assert.That(response.Headers.Contains("X-Frame-Options"), Is.False, $"{path}: framing is the policy's frame-ancestors' call");
                Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=30, stale-while-revalidate=300"), path);
                Assert.That(response.Headers.ETag?.IsWeak, Is.False, $"{path}: a strong ETag");
                Assert.That(html, Does.Contain("&lt;b&gt;Bold&lt;/b&gt; &amp; Co").Or.Contains("Tuesday Trivia"), $"{path}: names are encoded");
                Assert.That(html, Does.Not.Contain("<b>Bold</b>"), path);
                Assert.That(html, Does.Not.Contain("blazor").IgnoreCase.And.Not.Contain("mudblazor").IgnoreCase.And.Not.Contain("Casey"), path);
                Assert.That(html, Does.Contain("<script src=\"/embed/frame.js\" defer></script>"), $"{path}: the height script");
                Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<script").Count, Is.EqualTo(1), $"{path}: no other script");
            });
        }
    }

    [Test]
    public async Task Widgets_OfADraftOrUnpublishedLeague_Answer404()
    {
        var draft = await SeasonAsync(LeagueStatus.Draft, publicVisible: true, sport: "Kickball", name: "Draft Kickball");
        var hidden = await SeasonAsync(LeagueStatus.Active, publicVisible: false, sport: "Kickball", name: "Hidden Kickball");
        var hiddenTrivia = await SeasonAsync(LeagueStatus.Active, publicVisible: false, sport: "Trivia", name: "Hidden Trivia");
        using var anonymous = world.Client(Persona.Anonymous);

        foreach (var season in new[] { draft, hidden, hiddenTrivia })
        {
            foreach (var path in new[]
            {
                $"/embed/leagues/{season.LeagueId}/standings", $"/embed/leagues/{season.LeagueId}/schedule", $"/embed/leagues/{season.LeagueId}/bracket",
                $"/embed/teams/{season.TeamIds[0]}/schedule", $"/embed/trivia/leagues/{season.LeagueId}/standings", $"/embed/leagues/{Guid.NewGuid()}/standings",
            })
            {
                var response = await anonymous.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Multiple(() =>
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
                    Assert.That(body, Does.Not.Contain("Kickball").And.Not.Contain("Team 01"), $"{path}: nothing of it shows");
                });
            }
        }
    }

    [TestCase("/embed/leagues/not-a-guid/standings", "id")]
    [TestCase("/embed/teams/123/schedule", "id")]
    [TestCase("/embed/leagues/{league}/standings?accent=red", "accent")]
    [TestCase("/embed/leagues/{league}/standings?bg=%23ggg", "bg")]
    [TestCase("/embed/leagues/{league}/bracket?fg=%231234", "fg")]
    [TestCase("/embed/leagues/{league}/schedule?view=month", "view")]
    [TestCase("/embed/leagues/{league}/schedule?view=team&teamId=nope", "teamId")]
    [TestCase("/embed/widget.css?accent=%23zzzzzz", "accent")]
    public async Task Widget_MalformedParameter_Answers400NamingIt(string path, string parameter)
    {
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var anonymous = world.Client(Persona.Anonymous);

        var response = await anonymous.GetAsync(path.Replace("{league}", season.LeagueId.ToString(), StringComparison.Ordinal));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").TryGetProperty(parameter, out _), Is.True, problem.ToString());
        });
    }

    [Test]
    public async Task TeamSchedule_OfADeletedTeam_Answers410()
    {
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var deleted = await admin.DeleteAsync($"/api/teams/{season.TeamIds[3]}");
        Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync());
        using var anonymous = world.Client(Persona.Anonymous);

        var gone = await Probe.UntilAsync(() => anonymous.GetAsync($"/embed/teams/{season.TeamIds[3]}/schedule"), r => r.StatusCode == HttpStatusCode.Gone);

        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
    }

    [Test]
    public async Task Widget_RevalidatedWithItsETag_Answers304UntilAResultChangesIt()
    {
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        using var anonymous = world.Client(Persona.Anonymous);
        var path = $"/embed/leagues/{season.LeagueId}/standings?accent=%23c00";
        var first = await anonymous.GetAsync(path);
        var etag = first.Headers.ETag!;

        var again = await Conditional(anonymous, path, etag);
        var game = (await admin.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/games"))[0];
        var result = await admin.PutAsJsonAsync($"/api/games/{game.GetProperty("id").GetGuid()}/result", new { homeScore = 7, awayScore = 1 });
        Assert.That(result.IsSuccessStatusCode, Is.True, await result.Content.ReadAsStringAsync());
        var changed = await Probe.UntilAsync(() => Conditional(anonymous, path, etag), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(2));
        var html = await changed.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(again.Headers.ETag, Is.EqualTo(etag));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the result shows within 2 s: the cache is evicted, not expired");
            Assert.That(changed.Headers.ETag, Is.Not.EqualTo(etag));
            Assert.That(html, Does.Contain("<td class=\"mw-w\">1</td>"), "a team has won");
            Assert.That(html, Does.Contain("href=\"/embed/widget.css?accent=cc0000\""), "the theme reaches the stylesheet");
        });
    }

    [Test]
    public async Task FrameAncestors_AreTheAllowedOriginsOnWidgetsOnly()
    {
        await using var app = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["PublicApi:AllowedOrigins"] = "https://www.midwestsports.example, http://localhost:8080",
        });
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var anonymous = world.Client(Persona.Anonymous, app);

        var widget = Policy(await anonymous.GetAsync($"/embed/leagues/{season.LeagueId}/standings"));
        var notFound = Policy(await anonymous.GetAsync($"/embed/leagues/{Guid.NewGuid()}/standings"));
        var loader = await anonymous.GetAsync("/embed/widget.js");
        var api = Policy(await anonymous.GetAsync("/public/v1/cities"));
        var page = Policy(await anonymous.GetAsync("/account/login"));
        await using var noOrigins = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?> { ["PublicApi:AllowedOrigins"] = string.Empty });
        var defaultApp = Policy(await world.Client(Persona.Anonymous, noOrigins).GetAsync($"/embed/leagues/{season.LeagueId}/standings"));

        Assert.Multiple(() =>
        {
            Assert.That(widget, Is.EqualTo("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'self' https://www.midwestsports.example http://localhost:8080; base-uri 'none'; form-action 'none'"));
            Assert.That(notFound, Is.EqualTo(widget), "an error answer of a widget route carries the same policy");
            Assert.That(Policy(loader), Is.EqualTo(widget));
            Assert.That(loader.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/javascript; charset=utf-8"));
            Assert.That(loader.Headers.CacheControl?.Public, Is.True);
            Assert.That(loader.Headers.ETag, Is.Not.Null);
            Assert.That(api, Does.Contain("frame-ancestors 'none'"));
            Assert.That(page, Does.Contain("frame-ancestors 'none'"));
            Assert.That(defaultApp, Does.Contain("frame-ancestors 'self';"), "no origins configured: same origin only");
        });
    }

    [Test]
    public async Task Head_OfAWidget_HasTheHeadersOfGetAndNoBody()
    {
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var anonymous = world.Client(Persona.Anonymous);
        var path = $"/embed/leagues/{season.LeagueId}/schedule?view=team";

        var get = await anonymous.GetAsync(path);
        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Multiple(async () =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Headers.ETag, Is.EqualTo(get.Headers.ETag));
            Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(get.Content.Headers.ContentLength));
            Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Widgets_OverThePublicRateLimit_Answer429WithRetryAfter()
    {
        await using var app = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?> { ["PublicApi:RateLimit:PerMinute"] = "3" });
        var season = await SeasonAsync(LeagueStatus.Active, publicVisible: true, sport: "Kickball");
        using var anonymous = world.Client(Persona.Anonymous, app);
        anonymous.DefaultRequestHeaders.Add(MidwestApp.ClientHeader, "203.0.113.77");

        var answers = new List<HttpResponseMessage>();
        foreach (var path in new[] { "standings", "standings", "bracket", "standings" })
        {
            answers.Add(await anonymous.GetAsync($"/embed/leagues/{season.LeagueId}/{path}"));
        }

        using var other = world.Client(Persona.Anonymous, app);
        other.DefaultRequestHeaders.Add(MidwestApp.ClientHeader, "203.0.113.78");
        var otherClient = await other.GetAsync($"/embed/leagues/{season.LeagueId}/standings");

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => (int)a.StatusCode), Is.EqualTo(new[] { 200, 200, 200, 429 }), "cached answers count too");
            Assert.That(answers[3].Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
            Assert.That(otherClient.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is per client address");
        });
    }

    [Test]
    public async Task Stylesheet_WithATheme_CarriesItsColoursAndTheTextColourThatReadsOnTheAccent()
    {
        using var anonymous = world.Client(Persona.Anonymous);

        var dark = await anonymous.GetStringAsync("/embed/widget.css?accent=%23003&bg=fafafa&fg=%23111111");
        var light = await anonymous.GetStringAsync("/embed/widget.css?accent=ffeb3b");

        Assert.Multiple(() =>
        {
            Assert.That(dark, Does.StartWith(":root{--mw-accent:#000033;--mw-on-accent:#ffffff;--mw-bg:#fafafa;--mw-fg:#111111}"));
            Assert.That(light, Does.Contain("--mw-accent:#ffeb3b;--mw-on-accent:#000000;"));
            Assert.That(dark, Does.Contain(".mw-scroll{overflow-x:auto"));
        });
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    private static string Policy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(",", values) : string.Empty;

    /// <summary>A league of four teams (one with markup in its name) with a saved schedule.</summary>
    private async Task<Season> SeasonAsync(LeagueStatus status, bool publicVisible, string sport, string name = "Tuesday Kickball")
    {
        var league = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(
            name, sport, world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Recreational", status, PublicVisible: publicVisible)));
        var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, $"Park {Guid.NewGuid():N}"[..12], "3000 S Howell Ave", ["Field 1", "Field 2"])));
        var teams = new List<Guid>();
        foreach (var team in new[] { "Team 01", "<b>Bold</b> & Co", "Team 03", "Team 04" })
        {
            teams.Add((await world.TeamInAsync(league.Id, team)).Id);
        }

        await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(venue.Id, "Field 1", new TimeOnly(19, 0), 60), new SlotFields(venue.Id, "Field 2", new TimeOnly(19, 0), 60)]));
        if (sport == "Trivia")
        {
            return new Season(league.Id, teams); // its nights come from the partner, not from a schedule
        }

        var start = SeasonStart.AddDays(((int)DayOfWeek.Tuesday - (int)SeasonStart.DayOfWeek + 7) % 7);
        await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Single, start, 3, Commit: true));
        return new Season(league.Id, teams);
    }

    private sealed record Season(Guid LeagueId, IReadOnlyList<Guid> TeamIds);
}
