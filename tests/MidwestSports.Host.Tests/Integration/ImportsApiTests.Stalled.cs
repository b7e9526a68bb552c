using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Work lost with its host (a restart, a crash) must not leave an import waiting forever: a host's sweep fails an
/// import whose work showed no sign of life for <c>Import:StallAfter</c>, saying what to do, and the import can be
/// analysed again.
/// </summary>
public sealed partial class ImportsApiTests
{
    [Test]
    public async Task StalledAnalysis_IsFailedWithWhatToDo_AndAppliedMappingAnalysesAgain()
    {
        await world.LeagueInAsync(world.Milwaukee);
        await using var host = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["Import:StallAfter"] = "00:00:01",
            ["Import:SweepInterval"] = "00:00:00.200",
            ["Auth:ScopeCacheLifetime"] = "00:00:00",
        });
        using var client = world.Client(Persona.MilwaukeeAdmin, host);
        var id = await IdAsync(await PostAsync(client, "teams.csv", "Team,League,Captain\nOtters,Tuesday Kickball,Casey\n"u8.ToArray(), "teams", world.Milwaukee));
        // As if the host analysing it had stopped: the import says Analyzing, and nothing has happened for a minute.
        await Database.Postgres.ExecuteAsync($"UPDATE import.imports SET status = 'Analyzing', heartbeat_at = now() - interval '1 minute' WHERE id = '{id}'");

        var failed = await WaitAsync(client, id, "Failed");
        var apply = await client.PutAsJsonAsync($"/api/imports/{id}/mapping", new { save = false });
        var ready = await WaitAsync(client, id, "Ready");

        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("message").GetString(), Does.StartWith("The analysis stopped before it finished"));
            Assert.That(apply.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That(ready.GetProperty("counts").GetProperty("create").GetInt32(), Is.EqualTo(1));
        });
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, Guid id, string status)
    {
        for (var i = 0; i < 200; i++)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
            if (import.GetProperty("status").GetString() == status)
            {
                return import;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Import {id} did not become {status} within 20 s.");
        return default;
    }
}
