using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Testing;
using Npgsql;

namespace MidwestSports.Host.Tests.ScaleOut;

/// <summary>
/// A real streaming replica (pg_basebackup -R from the test cluster, build/pg-replica.sh) behind
/// ConnectionStrings:PostgresReadOnly. With the replica's replay paused, what each client reads shows where it read:
/// a team read answers from the replica (old data) while it is within the staleness bound, from the primary once it
/// is not, and the admin who just saved reads the primary at once; the team listing (its own SQL) the same.
/// </summary>
[NonParallelizable]
public sealed class ReadReplicaTests
{
    private const string AdminEmail = "replica.admin@test.example.org";
    private const string Password = "Replica-Password-1!";
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(3);

    private TestPostgres postgres = null!;
    private HostProcess host = null!;
    private string replicaSuperuser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        postgres = await TestPostgres.CreateAsync("replica");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
            ["Auth:SecureCookies"] = "false",
            ["Auth:RateLimit:PerClientPermits"] = "100000",
            ["Auth:RateLimit:PerAccountPermits"] = "100000",
        };
        await HostProcess.RunCommandAsync(settings, "migrate");
        await HostProcess.RunCommandAsync(settings, "create-admin", "--email", AdminEmail, "--password", Password);

        // After the schema exists, so the base backup starts from it (later changes stream anyway).
        var lines = await ReplicaScriptAsync("start");
        var replica = new NpgsqlConnectionStringBuilder(lines[0]) { Database = postgres.DatabaseName }.ConnectionString;
        replicaSuperuser = new NpgsqlConnectionStringBuilder(lines[1]) { Database = postgres.DatabaseName }.ConnectionString;
        settings["ConnectionStrings:PostgresReadOnly"] = replica;
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:ReadReplica:MaxStaleness"] = MaxStaleness.ToString();
        settings["Database:ReadReplica:CheckInterval"] = "00:00:00.5";
        host = await HostProcess.StartAsync(settings);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ReplicaScriptAsync("stop");
        await postgres.DisposeAsync();
    }

    [Test]
    public async Task TeamRead_ReplicaBehind_ReplicaWithinTheBoundThenPrimaryAndTheSaverReadsThePrimary()
    {
        using var admin = await SignedInAsync();
        using var reader = await SignedInAsync();
        var team = await CreateTeamAsync(admin);
        var path = $"/api/teams/{team.GetProperty("id").GetGuid()}";
        var settled = await ReadUntilAsync(reader, path, "Replica Rovers", replicaOnly: true);
        const string Listing = "/api/teams?q=Replica";
        var listed = await ReadUntilAsync(reader, Listing, "Replica Rovers", replicaOnly: true);

        await ReplayAsync(pause: true);
        try
        {
            var rename = await admin.PutAsJsonAsync($"/api/teams/{team.GetProperty("id").GetGuid()}", TeamBody(team, "Replica Renamed"));
            var adminRead = await admin.GetAsync(path);
            var readerRead = await reader.GetAsync(path);
            var adminList = await admin.GetAsync(Listing);
            var readerList = await reader.GetAsync(Listing);
            var adminBody = await adminRead.Content.ReadAsStringAsync();
            var readerBody = await readerRead.Content.ReadAsStringAsync();
            var adminListBody = await adminList.Content.ReadAsStringAsync();
            var readerListBody = await readerList.Content.ReadAsStringAsync();
            var clock = Stopwatch.StartNew();
            var late = await ReadUntilAsync(reader, path, "Replica Renamed", replicaOnly: false);
            TestContext.Progress.WriteLine($"The reader saw the rename after {clock.ElapsedMilliseconds} ms (bound {MaxStaleness.TotalMilliseconds} ms, replay paused)");

            Assert.Multiple(() =>
            {
                Assert.That(settled.Source, Is.EqualTo("replica"), "a fresh replica serves the team read");
                Assert.That(rename.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
                Assert.That(Source(adminRead), Is.EqualTo("primary"), "the admin who saved reads the primary");
                Assert.That(adminBody, Does.Contain("Replica Renamed"), "and sees what they saved");
                Assert.That(Source(readerRead), Is.EqualTo("replica"), "another reader reads the replica while it is within the bound");
                Assert.That(readerBody, Does.Contain("Replica Rovers").And.Not.Contain("Replica Renamed"), "and sees its (old) data");
                Assert.That(late.Source, Is.EqualTo("primary"), "past the bound the reader is sent to the primary");
                Assert.That(listed.Source, Is.EqualTo("replica"), "a fresh replica serves the team listing");
                Assert.That(Source(adminList), Is.EqualTo("primary"), "the admin who saved lists from the primary");
                Assert.That(adminListBody, Does.Contain("Replica Renamed"));
                Assert.That(Source(readerList), Is.EqualTo("replica"), "another reader lists from the replica within the bound");
                Assert.That(readerListBody, Does.Contain("Replica Rovers").And.Not.Contain("Replica Renamed"));
                Assert.That(clock.Elapsed, Is.LessThan(MaxStaleness + TimeSpan.FromSeconds(2)), "no read older than the bound (plus one check)");
            });
        }
        finally
        {
            await ReplayAsync(pause: false);
        }
    }

    private static async Task<(string Source, string Body)> ReadUntilAsync(HttpClient client, string path, string name, bool replicaOnly)
    {
        for (var tries = 0; tries < 200; tries++)
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Contains(name, StringComparison.Ordinal) && (!replicaOnly || Source(response) == "replica"))
            {
                return (Source(response), body);
            }

            await Task.Delay(50);
        }

        return ("never", string.Empty);
    }

    private static string Source(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Read-Source", out var values) ? values.Single() : "primary";

    private async Task ReplayAsync(bool pause)
    {
        await using var connection = new NpgsqlConnection(replicaSuperuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<HttpClient> SignedInAsync()
    {
        using var login = host.Client();
        var response = await login.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = Password });
        response.EnsureSuccessStatusCode();
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> CreateTeamAsync(HttpClient admin)
    {
        var city = await PostAsync(admin, "/api/cities", new { name = "Replica City", state = "WI", timeZone = "America/Chicago" });
        var league = await PostAsync(admin, "/api/leagues", new
        {
            name = "Replica League", sport = "Softball", cityId = city.GetProperty("id").GetGuid(), seasonYear = 2026, term = "Fall",
            night = "Monday", level = "Recreational", status = "Active",
        });
        return await PostAsync(admin, "/api/teams", new
        {
            name = "Replica Rovers", leagueId = league.GetProperty("id").GetGuid(), sponsorId = (Guid?)null, captainName = "Casey Captain",
            captainEmail = "casey@example.org", captainPhone = (string?)null, rosterSize = 12, status = "Active",
        });
    }

    private static object TeamBody(JsonElement team, string name) => new
    {
        name, leagueId = team.GetProperty("leagueId").GetGuid(), sponsorId = (Guid?)null, captainName = "Casey Captain",
        captainEmail = "casey@example.org", captainPhone = (string?)null, rosterSize = 12, status = "Active", version = team.GetProperty("version").GetInt64(),
    };

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string[]> ReplicaScriptAsync(string verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPostgres.RepositoryRoot(), "build", "pg-replica.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MIDWEST_PG_NAME"] = "pg-test";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Assert.Ignore($"No streaming replica of the local test cluster could be started (build/pg-replica.sh): {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
