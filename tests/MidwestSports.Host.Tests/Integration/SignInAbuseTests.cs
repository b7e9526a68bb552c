using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Sign-in as an attacker tries it: many guesses from one address (429), many addresses against one account (429),
/// locking someone else out (not possible), and telling accounts apart by the answer or by the work done.
/// </summary>
public sealed class SignInAbuseTests
{
    private const string Attacker = "203.0.113.66";
    private const string RealUser = "198.51.100.7";

    private MidwestApp limited = null!;
    private MidwestApp counted = null!;
    private HashCounter hashes = null!;

    [OneTimeSetUp]
    public void StartApps()
    {
        limited = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["Hangfire:Enabled"] = "false",
            ["Auth:RateLimit:PerClientPermits"] = "4",
            ["Auth:RateLimit:PerClientWindow"] = "00:10:00",
            ["Auth:RateLimit:PerAccountPermits"] = "6",
            ["Auth:RateLimit:PerAccountWindow"] = "00:10:00",
        });
        hashes = new HashCounter();
        counted = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?> { ["Hangfire:Enabled"] = "false" }, services =>
        {
            services.AddSingleton(hashes);
            HashCounter.Decorate(services);
        });
    }

    [OneTimeTearDown]
    public async Task StopAppsAsync()
    {
        await limited.DisposeAsync();
        await counted.DisposeAsync();
    }

    [Test]
    public async Task Login_OverThePerClientLimit_Answers429WithRetryAfterAndProblemDetails()
    {
        using var client = limited.CreateClient();
        var client1 = UniqueAddress();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Spelled as routing still matches it, so that no spelling slips past the limit.
            var path = attempt switch { 2 => "/api/auth/login/", 3 => "/API/Auth/Login", _ => "/api/auth/login" };
            last = await LoginAsync(client, $"guess-{attempt}-{Guid.NewGuid():N}@test.example.org", "Wrong-Password-1!", client1, path);
            statuses.Add(last.StatusCode);
        }

        var otherClient = await LoginAsync(client, $"guess-{Guid.NewGuid():N}@test.example.org", "Wrong-Password-1!", UniqueAddress());
        using var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(4), Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(statuses[4], Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(last.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0).And.LessThanOrEqualTo(600));
            Assert.That(last.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo("Too many attempts."));
            Assert.That(otherClient.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another address is not limited by this one's attempts");
        });
    }

    [Test]
    public async Task Login_OneAccountFromManyAddresses_Answers429OverThePerAccountLimit()
    {
        using var client = limited.CreateClient();
        var email = $"target-{Guid.NewGuid():N}@test.example.org";
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            statuses.Add((await LoginAsync(client, attempt % 2 == 0 ? email : email.ToUpperInvariant(), "Wrong-Password-1!", UniqueAddress())).StatusCode);
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(6), Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(statuses[6], Is.EqualTo(HttpStatusCode.TooManyRequests), "the account's limit counts every address, whatever the email's case");
        });
    }

    [Test]
    public async Task SignInPage_OverThePerClientLimit_Answers429Page()
    {
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var address = UniqueAddress();
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = $"form-{attempt}@test.example.org", ["Input.Password"] = "x" }),
            };
            request.Headers.Add(MidwestApp.ClientHeader, address);
            last = await client.SendAsync(request);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(last.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));
            Assert.That(await last.Content.ReadAsStringAsync(), Does.Contain("Too many attempts"));
        });
    }

    [Test]
    public async Task Lockout_AttackersFailures_DoNotLockTheRealUserOut()
    {
        var email = await NewUserAsync();
        using var client = Database.App.CreateClient();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            await LoginAsync(client, email, "Wrong-Password-1!", Attacker);
        }

        var attackerWithRightPassword = await LoginAsync(client, email, World.Password, Attacker);
        var realUser = await LoginAsync(client, email, World.Password, RealUser);

        Assert.Multiple(() =>
        {
            Assert.That(attackerWithRightPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the attacker's own address is paused");
            Assert.That(realUser.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the real user on their address signs in");
        });
    }

    [Test]
    public async Task FailedSignIn_UnknownWrongLockedOrDisabled_SameAnswerAndOnePasswordHashEach()
    {
        var wrong = await NewUserAsync();
        var locked = await NewUserAsync();
        var disabledEmail = await NewUserAsync();
        var disabled = (await World.SendAsSystemAsync(new ListUsers())).Single(u => u.Email == disabledEmail);
        await World.SendAsSystemAsync(new UpdateUser(disabled.Id, disabled.DisplayName, PlatformRole.CityAdmin, [], Disabled: true));
        using var client = counted.CreateClient();
        var address = UniqueAddress();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(client, locked, "Wrong-Password-1!", address);
        }

        var answers = new Dictionary<string, (HttpStatusCode Status, string? Title, string? Detail, int Hashes)>();
        var timings = new List<string>();
        foreach (var (name, email, password) in new[]
        {
            ("unknown email", $"nobody-{Guid.NewGuid():N}@test.example.org", World.Password),
            ("wrong password", wrong, "Wrong-Password-1!"),
            ("locked, right password", locked, World.Password),
            ("disabled, right password", disabledEmail, World.Password),
        })
        {
            var before = hashes.Verifications;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await LoginAsync(client, email, password, address);
            timings.Add($"{name} {clock.ElapsedMilliseconds} ms");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers[name] = (response.StatusCode, body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString(), hashes.Verifications - before);
        }

        var success = hashes.Verifications;
        var signedIn = await LoginAsync(client, wrong, World.Password, address);
        var successHashes = hashes.Verifications - success;

        // For a reader, not an assertion: times on a shared machine vary; the hash count above is the rule.
        TestContext.Progress.WriteLine($"Failed sign-in times: {string.Join(", ", timings)}");

        Assert.Multiple(() =>
        {
            foreach (var (name, answer) in answers)
            {
                Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), name);
                Assert.That(answer.Title, Is.EqualTo(SignInMessages.Failed), name);
                Assert.That(answer.Detail, Is.EqualTo(SignInMessages.FailedDetail), name);
                Assert.That(answer.Hashes, Is.EqualTo(1), $"{name}: one password hash, like a real check");
            }

            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(successHashes, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Lockout_FiveFailuresThenReset_TheResetClearsIt()
    {
        var email = await NewUserAsync();
        using var client = Database.App.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(client, email, "Wrong-Password-1!", RealUser);
        }

        var lockedOut = await LoginAsync(client, email, World.Password, RealUser);
        await client.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var token = PasswordResetTests.TokenFromMail(Database.App, email);
        var reset = await client.PostAsJsonAsync("/api/auth/password-reset/confirm", new { email, token, newPassword = "Brand-New-Pass-2!" });
        var afterReset = await LoginAsync(client, email, "Brand-New-Pass-2!", RealUser);

        Assert.Multiple(() =>
        {
            Assert.That(lockedOut.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterReset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    internal static async Task<string> NewUserAsync()
    {
        var email = $"signin-{Guid.NewGuid():N}@test.example.org";
        await World.SendAsSystemAsync(new CreateUser(email, "Sign-in Tester", World.Password, PlatformRole.CityAdmin, []));
        return email;
    }

    internal static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string address, string path = "/api/auth/login")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(MidwestApp.ClientHeader, address);
        return await client.SendAsync(request);
    }

    private static string UniqueAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>Counts password verifications, whatever the user type is (it is internal to the Identity module).</summary>
    internal sealed class HashCounter
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public void Count() => Interlocked.Increment(ref verifications);

        public static void Decorate(IServiceCollection services)
        {
            var hasher = services.Last(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IPasswordHasher<>));
            var userType = hasher.ServiceType.GetGenericArguments()[0];
            services.Replace(ServiceDescriptor.Scoped(hasher.ServiceType, typeof(CountingPasswordHasher<>).MakeGenericType(userType)));
        }
    }

    internal sealed class CountingPasswordHasher<TUser>(IOptions<PasswordHasherOptions> options, HashCounter counter) : IPasswordHasher<TUser>
        where TUser : class
    {
        private readonly PasswordHasher<TUser> inner = new(options);

        public string HashPassword(TUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword)
        {
            counter.Count();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
