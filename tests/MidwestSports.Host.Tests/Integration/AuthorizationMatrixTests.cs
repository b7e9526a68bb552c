using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Every endpoint of the running app states who may call it, and every API endpoint is exercised for every
/// persona: denied calls answer 401/403/404 and change nothing; list endpoints never return another city's rows.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Who acts, and in which city the target entity lies.</summary>
    public enum Actor
    {
        AnonymousOnMilwaukee,
        MadisonViewerOnMadison,
        MadisonViewerOnMilwaukee,
        MilwaukeeAdminOnMilwaukee,
        MilwaukeeAdminOnChicago,
        SystemAdminOnChicago,
    }

    private const int Unauthenticated = 401;

    /// <summary>(verb, route pattern) → expected status per actor, in <see cref="Actor"/> order.</summary>
    private static readonly Dictionary<string, int[]> Expectations = new()
    {
        ["GET /api/cities/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/cities/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/cities/"] = [401, 403, 403, 403, 403, 201],
        ["PUT /api/cities/{id:guid}"] = [401, 403, 403, 403, 404, 200],
        ["GET /api/leagues/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/leagues/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/leagues/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/leagues/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/leagues/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/users/"] = [401, 403, 403, 403, 403, 200],
        ["GET /api/users/{id:guid}"] = [401, 403, 403, 403, 403, 200],
        ["POST /api/users/"] = [401, 403, 403, 403, 403, 201],
        ["PUT /api/users/{id:guid}"] = [401, 403, 403, 403, 403, 200],
        ["POST /api/users/{id:guid}/password-reset"] = [401, 403, 403, 403, 403, 202],
        ["GET /api/audit"] = [401, 403, 403, 200, 200, 200],
        ["GET /openapi/{documentName}.json"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/sponsors/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/sponsors/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/sponsors/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/sponsors/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/sponsors/{id:guid}/deactivate"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/teams/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/teams/export.csv"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/teams/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/teams/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/teams/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/teams/{id:guid}"] = [401, 403, 403, 204, 404, 204],
        ["PUT /api/teams/{id:guid}/sponsor"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/teams/{id:guid}/sponsor"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/trivia/sync"] = [401, 403, 403, 202, 202, 202],
        ["GET /api/trivia/sync-runs"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/trivia/sync-runs/{id:guid}"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/trivia/unmatched"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/trivia/missing-nights"] = [401, 200, 200, 200, 200, 200],
        ["POST /api/trivia/unmatched/{id:guid}/link"] = [401, 403, 403, 204, 404, 204],
        ["POST /api/trivia/unmatched/{id:guid}/create-team"] = [401, 403, 403, 204, 404, 204],
        ["POST /api/trivia/unmatched/{id:guid}/ignore"] = [401, 403, 403, 204, 404, 204],
        ["GET /api/trivia/leagues/{leagueId:guid}/standings"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/trivia/leagues/{leagueId:guid}/nights"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/trivia/leagues/{leagueId:guid}/rules"] = [401, 200, 404, 200, 404, 200],
        ["PUT /api/trivia/leagues/{leagueId:guid}/rules"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/trivia/uploads"] = [401, 403, 403, 201, 201, 201],
        ["POST /api/trivia/uploads/{id:guid}/apply"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/trivia/uploads/{id:guid}/discard"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/venues/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/venues/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/venues/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/venues/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/venues/{id:guid}"] = [401, 403, 403, 204, 404, 204],
        ["GET /api/leagues/{id:guid}/setup"] = [401, 200, 404, 200, 404, 200],
        ["PUT /api/leagues/{id:guid}/slots"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/leagues/{id:guid}/blackouts"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/leagues/{id:guid}/blackouts/{blackoutId:guid}"] = [401, 403, 403, 200, 404, 200],
        ["PUT /api/leagues/{id:guid}/rules"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/leagues/{id:guid}/schedule"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/leagues/{id:guid}/games"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/leagues/{id:guid}/standings"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/leagues/{id:guid}/playoffs"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/leagues/{id:guid}/bracket"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/games/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["PUT /api/games/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/games/{id:guid}/cancel"] = [401, 403, 403, 200, 404, 200],
        ["PUT /api/games/{id:guid}/result"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/games/{id:guid}/result"] = [401, 403, 403, 200, 404, 200],
    };

    /// <summary>Endpoints outside the matrix, and why: each is covered by its own test.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["POST /api/auth/login"] = "public by design; TokenTests and SignInAbuseTests cover it",
        ["POST /api/auth/password-reset"] = "public by design (answers 202 whoever asks); PasswordResetTests cover it",
        ["POST /api/auth/password-reset/confirm"] = "public by design (the mailed token is the credential); PasswordResetTests cover it",
        ["GET /dev/mail"] = "dev inbox, mapped only in Development and Testing; PasswordResetTests cover it",
        ["ANY /health/live"] = "public probe",
        ["ANY /health/ready"] = "public probe",
        ["ANY /health/freshness"] = "public probe (data freshness, no data); TriviaSyncTests cover it",
        ["POST /account/logout"] = "UI form with antiforgery; browser tests cover it",
        ["GET /calendar/leagues/{id:guid}.ics"] = "public by design (phone calendar subscriptions); LeagueOperationsTests cover it",
        ["GET /calendar/teams/{id:guid}.ics"] = "public by design (phone calendar subscriptions); LeagueOperationsTests cover it",
    };

    /// <summary>
    /// The static-assets development fallback ASP.NET Core adds when a static web assets runtime manifest exists.
    /// It takes no conventions; it falls under the fallback policy, which this class checks requires sign-in.
    /// </summary>
    private const string StaticAssetsDevelopmentFallback = "{**path:file}";

    private World world = null!;
    private Guid contextLeague;
    private Guid contextSponsor;
    private Guid contextVenue;
    private Guid contextBlackout;
    private Guid contextTeam;

    public static IEnumerable<TestCaseData> Cases() =>
        from key in Expectations.Keys
        from actor in Enum.GetValues<Actor>()
        select new TestCaseData(key, actor).SetName($"{key} as {actor}");

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public void EveryEndpoint_StatesAnAccessRule()
    {
        var endpoints = AllEndpoints().ToList();
        var unclassified = endpoints.Where(e => !HasAccessRule(e) && e.RoutePattern.RawText != StaticAssetsDevelopmentFallback).Select(Describe).ToList();
        var fallback = Database.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value.FallbackPolicy;

        Assert.Multiple(() =>
        {
            Assert.That(endpoints, Has.Count.GreaterThan(20), "the app's endpoints were found");
            Assert.That(unclassified, Is.Empty);
            Assert.That(fallback?.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement>(), Is.Not.Empty,
                "anything without a rule of its own requires sign-in");
        });
    }

    [Test]
    public void AccessRuleCheck_EndpointWithoutMetadata_IsCaught()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var anonymous = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/open"), 0, new EndpointMetadataCollection(new AllowAnonymousAttribute()), "open");

        Assert.Multiple(() =>
        {
            Assert.That(HasAccessRule(bare), Is.False);
            Assert.That(HasAccessRule(anonymous), Is.True);
        });
    }

    [Test]
    public void EveryApiEndpoint_IsInTheMatrix()
    {
        var api = AllEndpoints()
            .Where(e => !IsUi(e) && e.RoutePattern.RawText != StaticAssetsDevelopmentFallback)
            .SelectMany(e => Verbs(e).Select(v => $"{v} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();
        var missing = api.Where(k => !Expectations.ContainsKey(k) && !Exempt.ContainsKey(k)).ToList();
        var stale = Expectations.Keys.Where(k => !api.Contains(k)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "endpoints no matrix row covers");
            Assert.That(stale, Is.Empty, "matrix rows for endpoints that no longer exist");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Call_AsActor_AnswersExpectedStatusAndLeaksNothing(string key, Actor actor)
    {
        var expected = Expectations[key][(int)actor];
        var (persona, targetCity) = Resolve(actor);
        var (target, targetName) = await TargetAsync(key, targetCity);
        var before = await SnapshotAsync();
        using var client = world.Client(persona);

        var response = await client.SendAsync(Request(key, target, targetCity, contextLeague, contextSponsor, contextVenue, contextBlackout, contextTeam));
        var body = await response.Content.ReadAsStringAsync();
        var after = await SnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(expected), body);
            if (expected >= 400)
            {
                Assert.That(after, Is.EqualTo(before), "a denied call changed data");
                Assert.That(body, Does.Not.Contain(targetName), "a denied answer shows nothing of the entity");
            }
        });

        if (expected == 200 && key.StartsWith("GET", StringComparison.Ordinal) && persona is not Persona.SystemAdmin)
        {
            if (key.EndsWith(".csv", StringComparison.Ordinal))
            {
                var foreign = new[] { ("Milwaukee", world.Milwaukee), ("Chicago", world.Chicago), ("Madison", world.Madison) }
                    .Where(c => !world.CitiesOf(persona).Contains(c.Item2)).Select(c => c.Item1);
                Assert.That(body.Split('\n').Skip(1).Where(line => foreign.Any(f => line.Contains(f, StringComparison.Ordinal))), Is.Empty, "an export leaked a foreign city's row");
            }
            else
            {
                AssertOnlyOwnCities(body, world.CitiesOf(persona));
            }
        }
    }

    [Test]
    public async Task MoveLeague_ToCityNotHeld_Answers403AndChangesNothing()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await SnapshotAsync();

        var response = await client.PutAsJsonAsync($"/api/leagues/{league.Id}", LeagueBody(world.Chicago, league.Name));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task EditSponsor_AlsoOperatingInCityNotHeld_Answers403AndChangesNothing()
    {
        var shared = await World.SendAsSystemAsync(new MidwestSports.Sponsors.Contracts.CreateSponsor(new MidwestSports.Sponsors.Contracts.SponsorFields(
            "Two City Brewing", null, null, null, null, [world.Milwaukee, world.Chicago])));
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await SnapshotAsync();

        var visible = await client.GetAsync($"/api/sponsors/{shared.Id}");
        var rename = await client.PutAsJsonAsync($"/api/sponsors/{shared.Id}", new { name = "Milwaukee Only Now", cityIds = new[] { world.Milwaukee } });
        var deactivate = await client.PostAsync($"/api/sponsors/{shared.Id}/deactivate", null);

        Assert.Multiple(async () =>
        {
            Assert.That(visible.StatusCode, Is.EqualTo(HttpStatusCode.OK), "visible: it operates in Milwaukee too");
            Assert.That(rename.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task UserWithNoCities_SeesEmptyLists()
    {
        await world.LeagueInAsync(world.Milwaukee);
        var user = await World.SendAsSystemAsync(new MidwestSports.Identity.Contracts.CreateUser(
            $"nocity-{Guid.NewGuid():N}@test.example.org", "No City", World.Password, PlatformRole.CityAdmin, []));
        using var client = Database.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await World.LoginAsync(client, user.Email, World.Password));

        var leagues = await client.GetFromJsonAsync<JsonElement>("/api/leagues");
        var cities = await client.GetFromJsonAsync<JsonElement>("/api/cities");

        Assert.Multiple(() =>
        {
            Assert.That(leagues.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(leagues.GetProperty("totalCount").GetInt64(), Is.Zero);
            Assert.That(cities.GetArrayLength(), Is.Zero);
        });
    }

    private (Persona Persona, Guid City) Resolve(Actor actor) => actor switch
    {
        Actor.AnonymousOnMilwaukee => (Persona.Anonymous, world.Milwaukee),
        Actor.MadisonViewerOnMadison => (Persona.MadisonViewer, world.Madison),
        Actor.MadisonViewerOnMilwaukee => (Persona.MadisonViewer, world.Milwaukee),
        Actor.MilwaukeeAdminOnMilwaukee => (Persona.MilwaukeeAdmin, world.Milwaukee),
        Actor.MilwaukeeAdminOnChicago => (Persona.MilwaukeeAdmin, world.Chicago),
        _ => (Persona.SystemAdmin, world.Chicago),
    };

    /// <summary>The entity the call is about: a league or city in the target city, or a user for /api/users.</summary>
    private async Task<(Guid Id, string Name)> TargetAsync(string key, Guid city)
    {
        if (key.Contains("/api/trivia/leagues", StringComparison.Ordinal) || key.Contains("/api/trivia/unmatched/", StringComparison.Ordinal))
        {
            // A trivia league with a team in the target city, and a partner team of that city waiting for review.
            var trivia = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields($"Trivia {Guid.NewGuid():N}", "Trivia", city, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
            contextLeague = trivia.Id;
            contextTeam = (await world.TeamInAsync(trivia.Id, $"Quiz Team {Guid.NewGuid():N}")).Id;
            if (key.Contains("/api/trivia/leagues", StringComparison.Ordinal))
            {
                return (trivia.Id, trivia.Name);
            }

            var link = Guid.NewGuid();
            var name = $"Partner Team {Guid.NewGuid():N}";
            await Database.Postgres.ExecuteAsync(
                "INSERT INTO trivia.partner_links (id, kind, partner, season, partner_id, name, city_name, city_id, status, created_at) VALUES ($1, 'Team', 'feed-v1', '2026-fall', $2, $3, 'x', $4, 'Pending', now())",
                link, $"t-{Guid.NewGuid():N}", name, city);
            return (link, name);
        }

        if (key.Contains("/api/trivia/uploads/", StringComparison.Ordinal))
        {
            // A previewed upload of a night in the target city (a trivia league there makes the city's name known).
            await World.SendAsSystemAsync(new CreateLeague(new LeagueFields($"Trivia {Guid.NewGuid():N}", "Trivia", city, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
            var cityName = city == world.Milwaukee ? "Milwaukee" : city == world.Chicago ? "Chicago" : "Madison";
            var fileName = $"nights-{Guid.NewGuid():N}.csv";
            var upload = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.UploadTriviaNights(fileName, System.Text.Encoding.UTF8.GetBytes(UploadCsv(cityName))));
            return (upload.Id, fileName);
        }

        if (key.Contains("/api/trivia/sync-runs/", StringComparison.Ordinal))
        {
            var run = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.StartTriviaSync(MidwestSports.Trivia.Contracts.SyncTrigger.Manual));
            return (run.Id, "no-name-" + run.Id);
        }

        if (key.Contains("/api/venues", StringComparison.Ordinal))
        {
            var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(city, $"Venue {Guid.NewGuid():N}", "1 Park Ave", ["Field 1", "Field 2"])));
            return (venue.Id, venue.Name);
        }

        if (key.Contains("/api/leagues/{id:guid}/", StringComparison.Ordinal) || key.Contains("/api/games", StringComparison.Ordinal))
        {
            // A whole season: teams, a venue, slots, a blackout, a committed schedule and a two-team bracket.
            var league = await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}");
            contextVenue = (await World.SendAsSystemAsync(new CreateVenue(new VenueFields(city, $"Venue {Guid.NewGuid():N}", "1 Park Ave", ["Field 1", "Field 2"])))).Id;
            for (var i = 0; i < 4; i++)
            {
                await world.TeamInAsync(league.Id, $"Team {i} {Guid.NewGuid():N}");
            }

            await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(contextVenue, "Field 1", new TimeOnly(19, 0), 60), new SlotFields(contextVenue, "Field 2", new TimeOnly(19, 0), 60)]));
            var setup = await World.SendAsSystemAsync(new AddBlackout(league.Id, new BlackoutFields(new DateOnly(2027, 7, 6), null, "Fourth of July week")));
            contextBlackout = setup.Blackouts[0].Id;
            await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Single, new DateOnly(2027, 4, 6), 4, Commit: true));
            await World.SendAsSystemAsync(new CreatePlayoffs(league.Id, PlayoffFormat.SingleElimination, 2));
            if (key.Contains("/api/games", StringComparison.Ordinal))
            {
                var game = (await World.SendAsSystemAsync(new ListGames(league.Id))).First(g => g.Kind == GameKind.Regular);
                if (key.StartsWith("DELETE", StringComparison.Ordinal))
                {
                    await World.SendAsSystemAsync(new RecordResult(game.Id, new ResultFields(4, 2)));
                }

                return (game.Id, league.Name);
            }

            return (league.Id, league.Name);
        }

        if (key.Contains("/api/leagues", StringComparison.Ordinal))
        {
            var league = await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}");
            return (league.Id, league.Name);
        }

        if (key.Contains("/api/sponsors", StringComparison.Ordinal))
        {
            var sponsor = await world.SponsorInAsync(city, $"Sponsor {Guid.NewGuid():N}");
            return (sponsor.Id, sponsor.Name);
        }

        if (key.Contains("/api/teams", StringComparison.Ordinal))
        {
            contextLeague = (await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}")).Id;
            contextSponsor = (await world.SponsorInAsync(city, $"Sponsor {Guid.NewGuid():N}")).Id;
            var team = await world.TeamInAsync(contextLeague, $"Team {Guid.NewGuid():N}");
            return (team.Id, team.Name);
        }

        if (key.EndsWith("/password-reset", StringComparison.Ordinal))
        {
            // A user of its own: a forced reset clears the password and ends the sessions of whoever it targets.
            var user = await World.SendAsSystemAsync(new MidwestSports.Identity.Contracts.CreateUser(
                $"reset-{Guid.NewGuid():N}@test.example.org", "Reset Target", World.Password, PlatformRole.CityAdmin, [city]));
            return (user.Id, user.Email);
        }

        if (key.Contains("/api/users", StringComparison.Ordinal))
        {
            return (world.UserId(Persona.ChicagoAdmin), World.Email(Persona.ChicagoAdmin));
        }

        return (city, city == world.Milwaukee ? "Milwaukee" : city == world.Chicago ? "Chicago" : "Madison");
    }

    private static HttpRequestMessage Request(string key, Guid target, Guid city, Guid league, Guid sponsor, Guid venue, Guid blackout, Guid team)
    {
        var verb = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        var path = key[(verb.Length + 1)..].Replace("{id:guid}", target.ToString(), StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{blackoutId:guid}", blackout.ToString(), StringComparison.Ordinal)
            .Replace("{leagueId:guid}", target.ToString(), StringComparison.Ordinal)
            + (verb == "DELETE" && key.EndsWith("/result", StringComparison.Ordinal) ? "?reason=entered%20on%20the%20wrong%20game" : string.Empty);
        var request = new HttpRequestMessage(new HttpMethod(verb), path);
        object? body = (verb, path) switch
        {
            ("POST", var p) when p.StartsWith("/api/venues", StringComparison.Ordinal) => (object)new { cityId = city, name = "New Venue", address = "1 Main St", fields = new[] { "Field 1" } },
            ("PUT", var p) when p.StartsWith("/api/venues", StringComparison.Ordinal) => new { cityId = city, name = "Renamed Venue", address = "1 Main St", fields = new[] { "Field 1", "Field 2" } },
            ("PUT", var p) when p.EndsWith("/slots", StringComparison.Ordinal) => new[] { new { venueId = venue, field = "Field 1", start = "18:00", durationMinutes = 60 } },
            ("POST", var p) when p.EndsWith("/blackouts", StringComparison.Ordinal) => new { date = "2027-05-04", reason = "Memorial week" },
            ("PUT", var p) when p.StartsWith("/api/trivia/", StringComparison.Ordinal) && p.EndsWith("/rules", StringComparison.Ordinal) => new { scoring = "PlacementPoints", pointsTable = new[] { 10, 8, 6 }, bestNights = 8, minimumNights = 3, excludedGameTypes = new[] { "theme" } },
            ("POST", var p) when p.EndsWith("/link", StringComparison.Ordinal) => new { targetId = team },
            ("POST", var p) when p.EndsWith("/create-team", StringComparison.Ordinal) => new { leagueId = league },
            ("PUT", var p) when p.EndsWith("/rules", StringComparison.Ordinal) => new { forfeitWinScore = 7, forfeitLossScore = 0, tieBreakers = "softball", differentialCap = 8 },
            ("POST", var p) when p.EndsWith("/schedule", StringComparison.Ordinal) => new { format = "Single", startDate = "2027-04-06", weeks = 4, commit = true },
            ("POST", var p) when p.EndsWith("/playoffs", StringComparison.Ordinal) => new { format = "SingleElimination", teams = 2 },
            ("PUT", var p) when p.StartsWith("/api/games/", StringComparison.Ordinal) && p.EndsWith("/result", StringComparison.Ordinal) => new { homeScore = 3, awayScore = 1 },
            ("PUT", var p) when p.StartsWith("/api/games/", StringComparison.Ordinal) => new { date = "2027-06-01", start = "18:00", venueId = venue, field = "Field 1" },
            ("POST", var p) when p.EndsWith("/cancel", StringComparison.Ordinal) => null,
            ("POST", var p) when p.StartsWith("/api/cities", StringComparison.Ordinal) => (object)new { name = "Green Bay", state = "WI", timeZone = "America/Chicago" },
            ("PUT", var p) when p.StartsWith("/api/cities", StringComparison.Ordinal) => new { name = "Renamed City", state = "WI", timeZone = "America/Chicago" },
            ("POST", var p) when p.StartsWith("/api/leagues", StringComparison.Ordinal) => LeagueBody(city, "Thursday Softball"),
            ("PUT", var p) when p.StartsWith("/api/leagues", StringComparison.Ordinal) => LeagueBody(city, "Renamed League"),
            ("POST", var p) when p.StartsWith("/api/sponsors/", StringComparison.Ordinal) && p.EndsWith("/deactivate", StringComparison.Ordinal) => null,
            ("POST", var p) when p.StartsWith("/api/sponsors", StringComparison.Ordinal) => new { name = "New Sponsor", cityIds = new[] { city } },
            ("PUT", var p) when p.StartsWith("/api/sponsors", StringComparison.Ordinal) => new { name = "Renamed Sponsor", cityIds = new[] { city } },
            ("PUT", var p) when p.EndsWith("/sponsor", StringComparison.Ordinal) => new { sponsorId = sponsor },
            ("POST", var p) when p.StartsWith("/api/teams", StringComparison.Ordinal) => TeamBody(league, "New Team"),
            ("PUT", var p) when p.StartsWith("/api/teams", StringComparison.Ordinal) => TeamBody(league, "Renamed Team"),
            ("POST", var p) when p.StartsWith("/api/users", StringComparison.Ordinal) =>
                new { email = $"new-{Guid.NewGuid():N}@test.example.org", displayName = "New", password = World.Password, role = "CityAdmin", cityIds = new[] { city } },
            ("PUT", var p) when p.StartsWith("/api/users", StringComparison.Ordinal) =>
                new { displayName = "ChicagoAdmin", role = "CityAdmin", cityIds = new[] { city }, disabled = false },
            _ => null,
        };
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (verb == "POST" && path == "/api/trivia/uploads")
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(UploadCsv("Milwaukee"))), "file", "nights.csv" } };
        }

        return request;
    }

    /// <summary>A partner export of one night in <paramref name="city"/>.</summary>
    private static string UploadCsv(string city) =>
        "Event ID,Status,Date,Start Time,Venue ID,Venue Name,City,Team ID,Team Name,Total\n"
        + $"ev-{Guid.NewGuid():N},final,2026-11-03,19:00,v-{city},{city} Quiz Bar,{city},t-1,Matrix Quizzers,40\n";

    private static object TeamBody(Guid leagueId, string name) => new
    {
        name,
        leagueId,
        captainName = "Pat Captain",
        captainEmail = "pat@example.org",
        rosterSize = 12,
        status = "Active",
    };

    private static object LeagueBody(Guid cityId, string name) => new
    {
        name,
        sport = "Softball",
        cityId,
        seasonYear = 2026,
        term = "Fall",
        night = "Thursday",
        level = "Co-ed Rec",
        status = "Registration",
    };

    private static void AssertOnlyOwnCities(string body, IReadOnlyList<Guid> cities)
    {
        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.TryGetProperty("items", out var i) ? i : default;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("cityIds", out var many))
            {
                Assert.That(many.EnumerateArray().Select(x => x.GetGuid()).Intersect(cities), Is.Not.Empty, $"a sponsor of other cities leaked: {item}");
                continue;
            }

            var city = item.TryGetProperty("cityId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetGuid()
                : item.TryGetProperty("state", out _) ? item.GetProperty("id").GetGuid()
                : (Guid?)null;
            Assert.That(city, Is.Not.Null.And.AnyOf(cities.Cast<object>().ToArray()), $"a row of another city leaked: {item}");
        }
    }

    /// <summary>A fingerprint of every row an API call could change.</summary>
    private static async Task<string?> SnapshotAsync() =>
        await Database.Postgres.ScalarAsync<string>("""
            SELECT md5(
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.leagues t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.cities t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM identity.users t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY user_id, city_id) FROM identity.user_cities t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM sponsors.sponsors t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY sponsor_id, city_id) FROM sponsors.sponsor_cities t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM teams.teams t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY team_id) FROM teams.team_listing t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.venues t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.league_slots t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.blackouts t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.games t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY league_id) FROM leagues.brackets t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY league_id, team_id) FROM leagues.coin_flips t), ''))
            """);

    private static IEnumerable<RouteEndpoint> AllEndpoints() =>
        Database.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool HasAccessRule(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;

    /// <summary>Blazor pages, its hub and static files: covered by the access-rule test and the browser tests.</summary>
    private static bool IsUi(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.RawText ?? string.Empty;
        return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
            || route.StartsWith("/_blazor", StringComparison.Ordinal) || route.StartsWith("_blazor", StringComparison.Ordinal)
            || route.StartsWith("_framework", StringComparison.Ordinal) || route.StartsWith("/_framework", StringComparison.Ordinal)
            || route.StartsWith("/jobs", StringComparison.Ordinal) || route.StartsWith("/scalar", StringComparison.Ordinal)
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
            || route.StartsWith("_content", StringComparison.Ordinal) || route.EndsWith(".css", StringComparison.Ordinal)
            || route.EndsWith(".js", StringComparison.Ordinal) || route.EndsWith(".png", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Verbs(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];

    private static string Describe(RouteEndpoint endpoint) => $"{string.Join(",", Verbs(endpoint))} {endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";
}
