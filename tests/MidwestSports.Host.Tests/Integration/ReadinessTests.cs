using System.Net;
using Npgsql;

namespace MidwestSports.Host.Tests.Integration;

public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_PostgresGoesAwayAndReturns_Answers503ThenRecoversByItself()
    {
        var direct = new NpgsqlConnectionStringBuilder(Database.Postgres.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        proxy.Start();
        var viaProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var app = new MidwestApp(viaProxy.ConnectionString, new Dictionary<string, string?> { ["Hangfire:Enabled"] = "false" });
        using var client = app.CreateClient();

        var before = (await client.GetAsync("/health/ready")).StatusCode;
        proxy.Stop();
        var whileDown = (await client.GetAsync("/health/ready")).StatusCode;
        var live = (await client.GetAsync("/health/live")).StatusCode;
        proxy.Start();
        var after = await PollAsync(client, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(whileDown, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(live, Is.EqualTo(HttpStatusCode.OK), "the process itself is alive");
            Assert.That(after, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static async Task<HttpStatusCode> PollAsync(HttpClient client, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/health/ready")).StatusCode;
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }
}
