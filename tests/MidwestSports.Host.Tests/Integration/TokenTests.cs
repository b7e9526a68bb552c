using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

public sealed class TokenTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Login_ValidCredentials_ReturnsBearerTokenThatWorks()
    {
        using var client = Database.App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = World.Email(Persona.MilwaukeeAdmin), password = World.Password });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());

        var leagues = await client.GetAsync("/api/leagues");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.RootElement.GetProperty("expiresIn").GetInt32(), Is.GreaterThan(0));
            Assert.That(leagues.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Login_WrongPasswordOrUnknownEmail_SameGeneric401()
    {
        using var client = Database.App.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = World.Email(Persona.ChicagoAdmin), password = "Not-The-Password-1" });
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.example.org", password = "Not-The-Password-1" });

        Assert.Multiple(async () =>
        {
            Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unknownEmail.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Title(await wrongPassword.Content.ReadAsStringAsync()), Is.EqualTo(Title(await unknownEmail.Content.ReadAsStringAsync())));
            Assert.That(Title(await unknownEmail.Content.ReadAsStringAsync()), Is.EqualTo("Invalid email or password."));
        });
    }

    [Test]
    public async Task GarbageToken_Answers401()
    {
        using var client = Database.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/leagues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExpiredToken_Answers401()
    {
        await using var shortLived = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["Auth:TokenLifetime"] = "00:00:01",
            ["Hangfire:Enabled"] = "false",
        });
        using var client = shortLived.CreateClient();
        var token = await World.LoginAsync(client, World.Email(Persona.MilwaukeeAdmin), World.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var fresh = (await client.GetAsync("/api/leagues")).StatusCode;

        await Task.Delay(TimeSpan.FromSeconds(2));
        var expired = (await client.GetAsync("/api/leagues")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(fresh, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(expired, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task DisabledUser_ExistingTokenAnswers401AndCannotSignInAgain()
    {
        var user = await World.SendAsSystemAsync(new CreateUser($"leaver-{Guid.NewGuid():N}@test.example.org", "Leaver", World.Password, PlatformRole.CityAdmin, [world.Milwaukee]));
        using var client = Database.App.CreateClient();
        var token = await World.LoginAsync(client, user.Email, World.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var before = (await client.GetAsync("/api/leagues")).StatusCode;

        using var admin = world.Client(Persona.SystemAdmin);
        var disable = await admin.PutAsJsonAsync($"/api/users/{user.Id}", new { displayName = "Leaver", role = "CityAdmin", cityIds = new[] { world.Milwaukee }, disabled = true });
        var after = (await client.GetAsync("/api/leagues")).StatusCode;
        using var anonymous = Database.App.CreateClient();
        var again = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = World.Password });

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task RevokedCity_TakesEffectOnTheNextRequest()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = (await client.GetAsync($"/api/leagues/{league.Id}")).StatusCode;

        await World.SendAsSystemAsync(new UpdateUser(world.UserId(Persona.MilwaukeeAdmin), "MilwaukeeAdmin", PlatformRole.CityAdmin, [world.Chicago], false));
        var after = (await client.GetAsync($"/api/leagues/{league.Id}")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task CreateUser_WeakPasswordAndUnknownCity_400NamingTheFields()
    {
        using var admin = world.Client(Persona.SystemAdmin);

        var response = await admin.PostAsJsonAsync("/api/users", new { email = "not-an-email", displayName = "", password = "short", role = "CityAdmin", cityIds = new[] { Guid.NewGuid() } });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "email", "displayName", "cityIds" }));
        });
    }

    private static string? Title(string json) => JsonDocument.Parse(json).RootElement.GetProperty("title").GetString();
}
