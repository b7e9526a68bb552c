using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Host.Infrastructure;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>A password reset by mailed token, self-service and forced by a system admin, through the API.</summary>
public sealed partial class PasswordResetTests
{
    private const string NewPassword = "Fresh-Start-Pass-9!";

    [Test]
    public async Task RequestReset_KnownAndUnknownEmail_Both202_OnlyTheKnownGetsMail()
    {
        var email = await SignInAbuseTests.NewUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@test.example.org";
        using var client = Database.App.CreateClient();

        var known = await client.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var nobody = await client.PostAsJsonAsync("/api/auth/password-reset", new { email = unknown });

        Assert.Multiple(async () =>
        {
            Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(nobody.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await known.Content.ReadAsStringAsync(), Is.EqualTo(await nobody.Content.ReadAsStringAsync()));
            Assert.That(Mailbox(Database.App).Latest.Count(m => m.Message.To == email), Is.EqualTo(1));
            Assert.That(Mailbox(Database.App).Latest.Any(m => m.Message.To == unknown), Is.False);
        });
    }

    [Test]
    public async Task ConfirmReset_WithTheMailedToken_NewPasswordWorksOldFailsSessionsEnd()
    {
        var email = await SignInAbuseTests.NewUserAsync();
        using var client = Database.App.CreateClient();
        using var session = Database.App.CreateClient();
        session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(session, email, World.Password));
        var before = (await session.GetAsync("/api/cities")).StatusCode;

        await client.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var token = TokenFromMail(Database.App, email);
        var confirm = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token, newPassword = NewPassword });
        var again = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token, newPassword = "Another-Pass-77!" });

        var after = (await session.GetAsync("/api/cities")).StatusCode;
        var oldPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = World.Password });
        var newPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });

        Assert.Multiple(async () =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized), "the reset ends sessions opened before it");
            Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a token works once");
            Assert.That(await ErrorFieldsAsync(again), Is.EqualTo(new[] { "token" }));
        });
    }

    [Test]
    public async Task ConfirmReset_BadTokenOrUnknownEmail_400NamingTheToken()
    {
        var email = await SignInAbuseTests.NewUserAsync();
        using var client = Database.App.CreateClient();

        var badToken = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token = "forged", newPassword = NewPassword });
        var unknown = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email = $"nobody-{Guid.NewGuid():N}@test.example.org", token = "forged", newPassword = NewPassword });
        var missing = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email });
        var stillWorks = await client.PostAsJsonAsync("/api/auth/login", new { email, password = World.Password });

        Assert.Multiple(async () =>
        {
            Assert.That(badToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorFieldsAsync(badToken), Is.EqualTo(new[] { "token" }));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("The reset link is invalid or has expired."), "unknown looks like a bad token");
            Assert.That(await ErrorFieldsAsync(missing), Is.EquivalentTo(new[] { "token", "newPassword" }));
            Assert.That(stillWorks.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a failed reset changes nothing");
        });
    }

    [Test]
    public async Task ConfirmReset_WeakPassword_400NamingNewPassword()
    {
        var email = await SignInAbuseTests.NewUserAsync();
        using var client = Database.App.CreateClient();
        await client.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var token = TokenFromMail(Database.App, email);

        var weak = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token, newPassword = "alllowercase" });

        Assert.Multiple(async () =>
        {
            Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorFieldsAsync(weak), Is.EqualTo(new[] { "newPassword" }));
        });
    }

    [Test]
    public async Task ForceReset_BySystemAdmin_EndsSessionsOldPasswordStopsMailSent()
    {
        var world = await World.ResetAsync();
        var email = await SignInAbuseTests.NewUserAsync();
        var user = (await World.SendAsSystemAsync(new ListUsers())).Single(u => u.Email == email);
        using var session = Database.App.CreateClient();
        session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(session, email, World.Password));
        using var admin = world.Client(Persona.SystemAdmin);
        using var cityAdmin = world.Client(Persona.MilwaukeeAdmin);

        var denied = await cityAdmin.PostAsync($"/api/users/{user.Id}/password-reset", null);
        var forced = await admin.PostAsync($"/api/users/{user.Id}/password-reset", null);
        var self = await admin.PostAsync($"/api/users/{world.UserId(Persona.SystemAdmin)}/password-reset", null);
        var missing = await admin.PostAsync($"/api/users/{Guid.NewGuid()}/password-reset", null);
        var sessionAfter = (await session.GetAsync("/api/cities")).StatusCode;
        using var anonymous = Database.App.CreateClient();
        var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = World.Password });
        var token = TokenFromMail(Database.App, email);
        var reset = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token, newPassword = NewPassword });
        var newPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });

        Assert.Multiple(() =>
        {
            Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(forced.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(self.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an admin does not sign themself out this way");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(sessionAfter, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(newPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task DevInbox_InTesting_ShowsTheMailToAnyone()
    {
        var email = await SignInAbuseTests.NewUserAsync();
        using var client = Database.App.CreateClient();
        await client.PostAsJsonAsync("/api/auth/password-reset", new { email });

        var page = await client.GetAsync("/dev/mail");

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain(email).And.Contain("/account/reset-password?email="));
        });
    }

    [Test]
    public async Task DevInbox_InProduction_IsNotThereAndNoMailIsKept()
    {
        await using var production = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Hangfire:Enabled"] = "false",
        });
        using var client = production.CreateClient();

        var page = await client.GetAsync("/dev/mail");

        Assert.Multiple(async () =>
        {
            Assert.That(production.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
                .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText), Has.None.EqualTo("/dev/mail"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain("Dev mail"));
            Assert.That(production.Services.GetService<DevMailbox>(), Is.Null);
        });
    }

    internal static DevMailbox Mailbox(MidwestApp app) => app.Services.GetRequiredService<DevMailbox>();

    /// <summary>The token of the latest reset mail to this address, as the person would follow the link.</summary>
    internal static string TokenFromMail(MidwestApp app, string email)
    {
        var mail = Mailbox(app).Latest.First(m => m.Message.To == email).Message;
        return Uri.UnescapeDataString(TokenInLink().Match(mail.Body).Groups[1].Value);
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    [GeneratedRegex(@"[?&]token=([^&\s]+)")]
    private static partial Regex TokenInLink();
}
