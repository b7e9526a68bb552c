using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// A request's user, role and cities come from a cache, not the database: every change an admin makes through the API
/// must still count on the very next request. Each test first makes requests that fill the cache, so a change that
/// failed to evict it would show here.
/// </summary>
public sealed class ScopeCacheRevocationTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task DisableUser_ThroughApi_NextRequestAnswers401()
    {
        var (user, client) = await SignedInUserAsync(PlatformRole.CityAdmin, world.Milwaukee);
        var warm = await WarmAsync(client, "/api/leagues");

        using var admin = world.Client(Persona.SystemAdmin);
        var disable = await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityAdmin", [world.Milwaukee], disabled: true));
        var after = (await client.GetAsync("/api/leagues")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(warm, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task CityRemovedFromUser_ThroughApi_ThatCitysLeagueAnswers404OnNextRequest()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var (user, client) = await SignedInUserAsync(PlatformRole.CityAdmin, world.Milwaukee, world.Chicago);
        var warm = await WarmAsync(client, $"/api/leagues/{league.Id}");

        using var admin = world.Client(Persona.SystemAdmin);
        var revoke = await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityAdmin", [world.Chicago], disabled: false));
        var after = (await client.GetAsync($"/api/leagues/{league.Id}")).StatusCode;
        var stillSignedIn = (await client.GetAsync("/api/leagues")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(warm, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(stillSignedIn, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task RoleLowered_ThroughApi_NextWriteAnswers403()
    {
        var (user, client) = await SignedInUserAsync(PlatformRole.CityAdmin, world.Milwaukee);
        var warm = await WarmAsync(client, "/api/leagues");
        var firstWrite = await client.PostAsJsonAsync("/api/leagues", League("Monday Softball"));

        using var admin = world.Client(Persona.SystemAdmin);
        var lower = await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityViewer", [world.Milwaukee], disabled: false));
        var secondWrite = await client.PostAsJsonAsync("/api/leagues", League("Wednesday Softball"));
        var read = (await client.GetAsync("/api/leagues")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(warm, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(firstWrite.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(lower.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(secondWrite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(read, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task ReEnabledUser_OldTokenStays401_NewSignInWorks()
    {
        // Disabling renews the stamp: the cache must turn the old token away and still accept the new stamp at once.
        var (user, client) = await SignedInUserAsync(PlatformRole.CityAdmin, world.Milwaukee);
        await WarmAsync(client, "/api/leagues");
        using var admin = world.Client(Persona.SystemAdmin);
        await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityAdmin", [world.Milwaukee], disabled: true));
        var enable = await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityAdmin", [world.Milwaukee], disabled: false));

        var oldToken = (await client.GetAsync("/api/leagues")).StatusCode;
        using var fresh = Database.App.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(fresh, user.Email, World.Password));
        var newToken = (await fresh.GetAsync("/api/leagues")).StatusCode;
        var oldTokenAgain = (await client.GetAsync("/api/leagues")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(enable.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(oldToken, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newToken, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(oldTokenAgain, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task CityGranted_ThroughApi_LeagueReadableOnNextRequest()
    {
        var league = await world.LeagueInAsync(world.Chicago);
        var (user, client) = await SignedInUserAsync(PlatformRole.CityAdmin, world.Milwaukee);
        var before = (await client.GetAsync($"/api/leagues/{league.Id}")).StatusCode;

        using var admin = world.Client(Persona.SystemAdmin);
        await admin.PutAsJsonAsync($"/api/users/{user.Id}", Body(user, "CityAdmin", [world.Milwaukee, world.Chicago], disabled: false));
        var after = (await client.GetAsync($"/api/leagues/{league.Id}")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(after, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private async Task<(UserDto User, HttpClient Client)> SignedInUserAsync(PlatformRole role, params Guid[] cities)
    {
        var user = await World.SendAsSystemAsync(new CreateUser($"cached-{Guid.NewGuid():N}@test.example.org", "Cached", World.Password, role, cities));
        var client = Database.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(client, user.Email, World.Password));
        return (user, client);
    }

    private static async Task<HttpStatusCode[]> WarmAsync(HttpClient client, string path)
    {
        var statuses = new HttpStatusCode[3];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (await client.GetAsync(path)).StatusCode;
        }

        return statuses;
    }

    private static object Body(UserDto user, string role, Guid[] cities, bool disabled) =>
        new { displayName = user.DisplayName, role, cityIds = cities, disabled };

    private object League(string name) => new
    {
        name,
        sport = "Softball",
        cityId = world.Milwaukee,
        seasonYear = 2026,
        term = "Fall",
        night = "Monday",
        level = "Recreational",
        status = "Active",
    };
}
