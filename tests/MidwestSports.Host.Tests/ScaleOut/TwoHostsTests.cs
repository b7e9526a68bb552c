using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MidwestSports.Testing;

namespace MidwestSports.Host.Tests.ScaleOut;

/// <summary>
/// Two Host processes (the built dll, each on its own port) on one database, as docker-compose runs them behind nginx:
/// a sign-in on one counts on the other, a recurring job runs once per occurrence, two racing outbox relays publish
/// each message once, and a user disabled through one host is refused by the other at once (docs/scale-out.md).
/// Real processes rather than two in-process hosts: nothing (statics, a shared key ring in memory) can be shared by accident.
/// </summary>
[NonParallelizable]
public sealed partial class TwoHostsTests
{
    private const string AdminEmail = "scale.admin@test.example.org";
    private const string Password = "Scale-Out-Password-1!";

    private TestPostgres postgres = null!;
    private HostProcess first = null!;
    private HostProcess second = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        postgres = await TestPostgres.CreateAsync("twohosts");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
            // The hosts do not migrate: a one-shot `migrate` does it first (as docker-compose's migrate service does).
            ["Database:MigrateOnStartup"] = "false",
            ["Auth:SecureCookies"] = "false",
            // Long enough that only the other host's signal can explain a refused request.
            ["Auth:ScopeCacheLifetime"] = "00:10:00",
            ["Auth:RateLimit:PerClientPermits"] = "100000",
            ["Auth:RateLimit:PerAccountPermits"] = "100000",
            ["PublicApi:RateLimit:PerMinute"] = "0",
            // Only the relays publish, on both hosts at once, two rows per claim: they race for every message.
            ["Outbox:PublishAfterCommit"] = "false",
            ["Outbox:RelayInterval"] = "00:00:00.1",
            ["Outbox:BatchSize"] = "2",
            ["Serilog:MinimumLevel:Override:MidwestSports.Shared.Messaging"] = "Debug",
            ["Hangfire:WorkerCount"] = "1",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.5",
            ["Jobs:outbox-cleanup:Cron"] = "*/2 * * * * *",
        };
        await HostProcess.RunCommandAsync(settings, "migrate");
        await HostProcess.RunCommandAsync(settings, "create-admin", "--email", AdminEmail, "--password", Password);
        var starting = new[] { HostProcess.StartAsync(settings), HostProcess.StartAsync(settings) };
        await Task.WhenAll(starting.Select(t => (Task)t).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        first = await starting[0];
        second = await starting[1];
        TestContext.Progress.WriteLine($"Two hosts on {postgres.DatabaseName}: {first.Address} and {second.Address}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (first is not null)
        {
            await first.DisposeAsync();
        }

        if (second is not null)
        {
            await second.DisposeAsync();
        }

        await postgres.DisposeAsync();
    }

    [Test]
    public async Task SignIn_OnOneHost_CookieAndTokenAreAcceptedByTheOther()
    {
        var cookies = new CookieContainer();
        using var browserOnFirst = first.Client(cookies);
        using var browserOnSecond = second.Client(cookies);
        var loginPage = await browserOnFirst.GetStringAsync("/account/login");
        var signIn = await browserOnSecond.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(loginPage),
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = Password,
        }));
        var cookieOnFirst = await browserOnFirst.GetAsync("/api/leagues");

        using var apiOnFirst = first.Client();
        var token = await LoginAsync(apiOnFirst);
        using var apiOnSecond = second.Client();
        apiOnSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var tokenOnSecond = await apiOnSecond.GetAsync("/api/leagues");
        using var anonymous = second.Client();
        var anonymousOnSecond = await anonymous.GetAsync("/api/leagues");

        Assert.Multiple(() =>
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the second host accepted the first host's antiforgery token and signed in");
            Assert.That(cookies.GetAllCookies().Select(c => c.Name), Does.Contain("midwest.auth"));
            Assert.That(cookieOnFirst.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the second host's cookie works on the first");
            Assert.That(tokenOnSecond.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first host's bearer token works on the second");
            Assert.That(anonymousOnSecond.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "and without either, no access");
        });
    }

    [Test]
    public async Task RecurringJob_ScheduledByBothHosts_RunsOncePerOccurrence()
    {
        // Both hosts' schedulers poll every 0.5 s for a job due every 2 s; give them several occurrences.
        await Task.Delay(TimeSpan.FromSeconds(9));
        var runs = await RunsOfAsync("outbox-cleanup");
        for (var waited = 0; waited < 50 && runs.Any(r => r.State != "Succeeded"); waited++)
        {
            await Task.Delay(200);
            runs = await RunsOfAsync("outbox-cleanup");
        }

        var gaps = runs.Zip(runs.Skip(1), (a, b) => (b.CreatedAt - a.CreatedAt).TotalSeconds).ToList();
        var servers = await postgres.ScalarAsync<long>("SELECT count(*) FROM hangfire.server");
        var processed = await postgres.ColumnAsync(
            "SELECT count(*) FILTER (WHERE s.name = 'Processing') || '/' || count(*) FILTER (WHERE s.name = 'Succeeded') FROM hangfire.state s WHERE s.jobid = ANY($1) GROUP BY s.jobid",
            runs.Select(r => r.Id).ToArray());
        var occurrences = await postgres.ColumnAsync(
            "SELECT p.value FROM hangfire.jobparameter p JOIN hangfire.job j ON j.id = p.jobid WHERE p.jobid = ANY($1) AND p.name = 'Time' ORDER BY j.createdat",
            runs.Select(r => r.Id).ToArray());
        // Consecutive jobs created close together: a duplicate when they name the same occurrence. Two occurrences can
        // come due close together once: the one of the moment the job was registered (an odd second, seen in a CI run:
        // 1796306207 then 1796306208, 0.24 s apart), then the schedule's own.
        var close = runs.Count == occurrences.Count
            ? Enumerable.Range(1, runs.Count - 1).Where(i => (runs[i].CreatedAt - runs[i - 1].CreatedAt).TotalSeconds <= 0.3)
                .Select(i => (First: occurrences[i - 1], Second: occurrences[i])).ToList()
            : [];
        TestContext.Progress.WriteLine($"outbox-cleanup runs: {runs.Count}, occurrences: {string.Join(", ", occurrences)}, gaps (s): {string.Join(", ", gaps.Select(g => g.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");

        Assert.Multiple(() =>
        {
            Assert.That(servers, Is.EqualTo(2), "both hosts run a Hangfire server");
            Assert.That(runs, Has.Count.GreaterThanOrEqualTo(3), "the job came due several times");
            // Both schedulers see a due occurrence in the same poll, so a duplicate would be created within milliseconds of
            // the original; one job per occurrence leaves about 2 s between jobs, less the polling and load jitter.
            Assert.That(close.Where(c => c.First == c.Second), Is.Empty, "no occurrence was enqueued twice");
            Assert.That(close, Has.Count.LessThanOrEqualTo(1), "at most the registration's occurrence falls close to the schedule's first");
            // Hangfire stamps each job it creates for a recurring job with the occurrence it is for ("Time"): one job per
            // occurrence means no stamp twice. (Run times alone wander with polling and load, so they only prove the gaps.)
            Assert.That(occurrences, Has.Count.EqualTo(runs.Count), "every run names its occurrence");
            Assert.That(occurrences.Distinct().Count(), Is.EqualTo(runs.Count), "no occurrence ran twice");
            Assert.That(runs.Select(r => r.State), Is.All.EqualTo("Succeeded"));
            Assert.That(processed, Has.Count.EqualTo(runs.Count).And.All.EqualTo("1/1"), "each run was processed once, by one server");
        });
    }

    [Test]
    public async Task OutboxMessages_TwoRelaysRacing_EachIsPublishedOnceAndHandledOnce()
    {
        using var onFirst = await AdminClientAsync(first);
        using var onSecond = await AdminClientAsync(second);
        var cityIds = new List<Guid>();
        for (var i = 0; i < 16; i++)
        {
            var client = i % 2 == 0 ? onFirst : onSecond;
            var created = await client.PostAsJsonAsync("/api/cities", new { name = $"Relay City {i:00}", state = "WI", timeZone = "America/Chicago" });
            created.EnsureSuccessStatusCode();
            cityIds.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var messages = await postgres.ColumnAsync("SELECT id::text FROM leagues.outbox_messages WHERE payload::text LIKE '%Relay City%'");
        for (var waited = 0; waited < 150 && await postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.outbox_messages WHERE processed_at IS NULL") > 0; waited++)
        {
            await Task.Delay(100);
        }

        var published = first.Events.Concat(second.Events)
            .Where(e => e.TryGetProperty("PublishedMessageId", out _))
            .Select(e => (Id: e.GetProperty("PublishedMessageId").GetString()!, Host: e))
            .ToList();
        var byFirst = first.Events.Count(e => e.TryGetProperty("PublishedMessageId", out var id) && messages.Contains(id.GetString()!));
        var bySecond = second.Events.Count(e => e.TryGetProperty("PublishedMessageId", out var id) && messages.Contains(id.GetString()!));
        var publications = messages.ToDictionary(m => m, m => published.Count(p => p.Id == m));
        var replicated = await postgres.ScalarAsync<long>("SELECT count(*) FROM teams.city_names WHERE city_id = ANY($1)", cityIds.ToArray());
        var feedRows = await postgres.ColumnAsync("SELECT count(*)::text FROM public_site.changes WHERE kind = 'city' AND entity_id = ANY($1) GROUP BY entity_id", cityIds.ToArray());
        TestContext.Progress.WriteLine($"{messages.Count} messages: {byFirst} published by the first host, {bySecond} by the second");

        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Count.EqualTo(16), "one CityChanged per city created");
            Assert.That(publications.Values, Is.All.EqualTo(1), "every message published exactly once across both hosts");
            Assert.That(byFirst, Is.GreaterThan(0), "the first host's relay published some");
            Assert.That(bySecond, Is.GreaterThan(0), "the second host's relay published some");
            Assert.That(replicated, Is.EqualTo(16), "Teams handled every message");
            Assert.That(feedRows, Has.Count.EqualTo(16).And.All.EqualTo("1"), "the public feed recorded each city once");
        });
    }

    [Test]
    public async Task UserDisabledOnOneHost_OtherHostHoldingTheirScope_RefusesTheNextRequest()
    {
        using var adminOnFirst = await AdminClientAsync(first);
        var city = await (await adminOnFirst.PostAsJsonAsync("/api/cities", new { name = "Signal City", state = "IL", timeZone = "America/Chicago" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var cityId = city.GetProperty("id").GetGuid();
        var user = await (await adminOnFirst.PostAsJsonAsync("/api/users", new
        {
            email = "signal.user@test.example.org", displayName = "Signal User", password = Password, role = "CityAdmin", cityIds = new[] { cityId }, disabled = false,
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        using var userOnSecond = second.Client();
        userOnSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(second.Client(), "signal.user@test.example.org"));
        var warm = new[] { (await userOnSecond.GetAsync("/api/leagues")).StatusCode, (await userOnSecond.GetAsync("/api/leagues")).StatusCode };

        var disable = await adminOnFirst.PutAsJsonAsync($"/api/users/{user.GetProperty("id").GetGuid()}", new
        {
            displayName = "Signal User", role = "CityAdmin", cityIds = new[] { cityId }, disabled = true,
        });
        var clock = Stopwatch.StartNew();
        var after = HttpStatusCode.OK;
        while (after == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            after = (await userOnSecond.GetAsync("/api/leagues")).StatusCode;
            if (after == HttpStatusCode.OK)
            {
                await Task.Delay(20);
            }
        }

        TestContext.Progress.WriteLine($"The second host refused the disabled user after {clock.ElapsedMilliseconds} ms");
        Assert.Multiple(() =>
        {
            Assert.That(warm, Is.All.EqualTo(HttpStatusCode.OK), "the second host holds the user's scope in its cache");
            Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.EqualTo(HttpStatusCode.Unauthorized), "refused long before the 10-minute cache lifetime: the signal evicted it");
        });
    }

    private async Task<List<(long Id, DateTime CreatedAt, string State)>> RunsOfAsync(string recurringJobId)
    {
        var rows = await postgres.ColumnAsync(
            """
            SELECT j.id || '|' || to_char(j.createdat, 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || coalesce(j.statename, '')
            FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId'
            WHERE p.value = $1 ORDER BY j.createdat
            """,
            $"\"{recurringJobId}\"");
        return [.. rows.Select(r => r.Split('|')).Select(p => (long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
            DateTime.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2]))];
    }

    private static async Task<HttpClient> AdminClientAsync(HostProcess host)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(host.Client()));
        return client;
    }

    private static async Task<string> LoginAsync(HttpClient client, string email = AdminEmail)
    {
        using (client)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
    }

    private static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryInput().Match(html).Groups[1].Value);

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryInput();
}
