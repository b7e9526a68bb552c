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
public sealed partial class AuthorizationMatrixTests
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
        ["GET /api/audit/export.csv"] = [401, 403, 403, 200, 200, 200],
        ["GET /openapi/{documentName:regex(^v1$)}.json"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/sponsors/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/sponsors/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/sponsors/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/sponsors/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/sponsors/{id:guid}/deactivate"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/sponsors/{id:guid}/reactivate"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/teams/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/teams/export.csv"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/teams/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/teams/"] = [401, 403, 403, 201, 403, 201],
        ["PUT /api/teams/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/teams/{id:guid}"] = [401, 403, 403, 204, 404, 204],
        ["POST /api/teams/{id:guid}/restore"] = [401, 403, 403, 200, 404, 200],
        ["PUT /api/teams/{id:guid}/sponsor"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/teams/{id:guid}/sponsor"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/teams/{id:guid}/players"] = [401, 200, 404, 200, 404, 200],
        ["POST /api/teams/{id:guid}/players"] = [401, 403, 403, 201, 404, 201],
        ["PUT /api/teams/{id:guid}/players/{playerId:guid}"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/teams/{id:guid}/players/{playerId:guid}"] = [401, 403, 403, 204, 404, 204],
        ["GET /api/imports/templates/{kind}.csv"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/imports/templates/{kind}.xlsx"] = [401, 200, 200, 200, 200, 200],
        ["POST /api/imports/"] = [401, 403, 403, 201, 403, 201],
        ["GET /api/imports/"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/imports/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/imports/{id:guid}/rows"] = [401, 200, 404, 200, 404, 200],
        ["GET /api/imports/{id:guid}/errors.csv"] = [401, 200, 404, 200, 404, 200],
        ["PUT /api/imports/{id:guid}/mapping"] = [401, 403, 403, 200, 404, 200],
        // The fixture's one row has no suggestions to decide (400 once the caller may act), and it is not committed yet (409 for an undo).
        ["POST /api/imports/{id:guid}/suggestions/{rowId:int}"] = [401, 403, 403, 400, 404, 400],
        ["POST /api/imports/{id:guid}/commit"] = [401, 403, 403, 202, 404, 202],
        ["POST /api/imports/{id:guid}/undo"] = [401, 403, 403, 409, 404, 409],
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
        ["GET /api/games/night"] = [401, 200, 200, 200, 200, 200],
        ["GET /api/games/{id:guid}"] = [401, 200, 404, 200, 404, 200],
        ["PUT /api/games/{id:guid}"] = [401, 403, 403, 200, 404, 200],
        ["POST /api/games/{id:guid}/cancel"] = [401, 403, 403, 200, 404, 200],
        ["PUT /api/games/{id:guid}/result"] = [401, 403, 403, 200, 404, 200],
        ["DELETE /api/games/{id:guid}/result"] = [401, 403, 403, 200, 404, 200],
        ["GET /api/metrics"] = [401, 403, 403, 403, 403, 200],
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
        ["GET /openapi/{documentName:regex(^public-v1$)}.json"] = "public by design: documents the public API; OpenApiContractTests read it anonymously",
        ["POST /account/logout"] = "UI form with antiforgery; browser tests cover it",
    };

    /// <summary>
    /// The public website's surface: anonymous and read-only by design (no personal data exists in its shapes).
    /// <see cref="PublicSurface_IsAnonymousAndReadOnly"/> checks every route under these; PublicApiTests, EmbedWidgetTests and
    /// LeagueOperationsTests.Calendar cover what they answer.
    /// </summary>
    private static readonly string[] PublicPrefixes = ["/public/v1/", "/embed/", "/calendar/"];

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
    private Guid contextPlayer;

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
        var missing = api.Where(k => !Expectations.ContainsKey(k) && !Exempt.ContainsKey(k) && !IsPublicSurface(k.Split(' ', 2)[1])).ToList();
        var stale = Expectations.Keys.Where(k => !api.Contains(k)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "endpoints no matrix row covers");
            Assert.That(stale, Is.Empty, "matrix rows for endpoints that no longer exist");
        });
    }

    [Test]
    public void PublicSurface_IsAnonymousAndReadOnly()
    {
        var endpoints = AllEndpoints().Where(e => IsPublicSurface(e.RoutePattern.RawText ?? string.Empty)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(endpoints, Has.Count.GreaterThan(5));
            foreach (var endpoint in endpoints)
            {
                Assert.That(endpoint.Metadata.GetMetadata<IAllowAnonymous>(), Is.Not.Null, endpoint.DisplayName);
                // Reads only; the one catch-all that takes other methods answers 405 (PublicApiTests).
                Assert.That(Verbs(endpoint).Except(["GET", "HEAD"]), endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "PublicReadOnly" ? Is.Not.Empty : Is.Empty, endpoint.DisplayName);
            }
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

        var response = await client.SendAsync(Request(key.Replace("{playerId:guid}", contextPlayer.ToString(), StringComparison.Ordinal).Replace("{kind}", "teams", StringComparison.Ordinal), target, targetCity, contextLeague, contextSponsor, contextVenue, contextBlackout, contextTeam));
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
            if (key.EndsWith(".csv", StringComparison.Ordinal) || key.EndsWith(".xlsx", StringComparison.Ordinal))
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
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM teams.players t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM import.imports t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.venues t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.league_slots t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.blackouts t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY id) FROM leagues.games t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY league_id) FROM leagues.brackets t), '') ||
              coalesce((SELECT string_agg(t::text, '|' ORDER BY league_id, team_id) FROM leagues.coin_flips t), ''))
            """);

    private static IEnumerable<RouteEndpoint> AllEndpoints() =>
        Database.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsPublicSurface(string route) => PublicPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal));

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
