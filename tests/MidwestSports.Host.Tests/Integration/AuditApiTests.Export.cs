using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

public sealed partial class AuditApiTests
{
    [Test]
    public async Task Export_FilteredView_IsTheSameEntriesAsCsvWithFormulasDefused()
    {
        using var anonymous = world.Client(Persona.Anonymous);
        using var admin = world.Client(Persona.SystemAdmin);
        var marker = Guid.NewGuid().ToString("N");
        foreach (var typed in new[] { $"=HYPERLINK(\"http://evil.example\")+{marker}", $"+{marker}", $"-{marker}", $"@{marker}" })
        {
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = typed, password = "Not-The-Password-1" })).Dispose();
        }

        var view = await ReadAsync(admin, $"entityType=SignIn&who={marker}");
        using var response = await admin.GetAsync($"/api/audit/export.csv?entityType=SignIn&who={marker}");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        var whoCells = lines.Skip(1).Select(l => l.Split(',')[1]).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(lines[0], Is.EqualTo("When (UTC),Who,City,Module,What,Action,Summary,Reason"));
            Assert.That(lines.Length - 1, Is.EqualTo(view.GetArrayLength()).And.EqualTo(4), "one row per entry of the view");
            Assert.That(whoCells, Has.All.StartWith("'").Or.StartWith("\"'"), "every dangerous first character is defused");
            Assert.That(whoCells, Has.Some.EqualTo($"'+{marker}").And.Some.EqualTo($"'-{marker}").And.Some.EqualTo($"'@{marker}"));
            Assert.That(lines.Skip(1), Has.All.Contains("failed sign-in for "));
        });
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=201", "limit")]
    [TestCase("module=Nope", "module")]
    [TestCase("from=yesterday", "from")]
    [TestCase("cityId=not-a-guid", "cityId")]
    [TestCase("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    [TestCase("beforeId=0195f2b1-0000-7000-8000-000000000000", "beforeId")]
    public async Task Read_BadFilter_400NamingTheField(string query, string field)
    {
        using var admin = world.Client(Persona.SystemAdmin);

        using var read = await admin.GetAsync("/api/audit?" + query);
        using var export = await admin.GetAsync("/api/audit/export.csv?" + query.Replace("limit=", "ignored=", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(read.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
            if (field is not ("limit" or "beforeId"))
            {
                Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the export checks the same filters");
            }
        });
    }
}
