using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Every operation of the OpenAPI document, sent malformed input (wrong types, NUL characters, 1 MB strings, huge
/// numbers, bad ids and dates, missing required fields, null and non-JSON bodies, stale If-Match): no answer is a
/// 5xx, none is a success, and no module table changes.
/// </summary>
public sealed partial class OpenApiFuzzTests
{
    /// <summary>The most cases sent to one operation; a larger set is sampled with <see cref="Seed"/>.</summary>
    private const int MaxCasesPerOperation = 64;

    private const string StaleIfMatch = "If-Match: stale";

    private const int Seed = 20261202;

    private static readonly string Megabyte = new('x', 1024 * 1024);

    private SeasonWorld season = null!;
    private int created;
    private ApiDocument document = null!;
    private string fingerprintSql = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        season = await SeasonWorld.CreateAsync();
        using var client = season.World.Client(Persona.SystemAdmin);
        document = await ApiDocument.LoadAsync(client);
        fingerprintSql = await FingerprintSqlAsync();
    }

    [TestCase("v1")]
    [TestCase("public-v1")]
    public async Task EveryOperation_MalformedInput_AnswersNo5xxAndStoresNothing(string documentName)
    {
        var v1 = document;
        using var reader = season.World.Client(Persona.SystemAdmin);
        document = await ApiDocument.LoadAsync(reader, documentName);
        try
        {
            await FuzzEveryOperationAsync();
        }
        finally
        {
            document = v1;
        }
    }

    private async Task FuzzEveryOperationAsync()
    {
        var clock = Stopwatch.StartNew();
        using var admin = season.World.Client(Persona.SystemAdmin);
        using var anonymous = season.World.Client(Persona.Anonymous);
        var failures = new List<string>();
        var log = new List<string>();
        var sent = 0;
        // Deletes last, a sub-resource before its owner: if one wrongly succeeds, the other cases still find their entities.
        foreach (var operation in document.Operations.OrderBy(o => o.Method == "delete").ThenByDescending(o => o.Method == "delete" ? o.Path.Length : 0)
                     .ThenBy(o => o.Key, StringComparer.Ordinal))
        {
            var cases = Cases(operation).ToList();
            if (cases.Count > MaxCasesPerOperation)
            {
                var random = new Random(Seed ^ operation.Key.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
                cases = [.. cases.Where(c => c.Name.StartsWith("body:", StringComparison.Ordinal) || c.Name == StaleIfMatch),
                         .. cases.Where(c => !c.Name.StartsWith("body:", StringComparison.Ordinal) && c.Name != StaleIfMatch).OrderBy(_ => random.Next()).Take(MaxCasesPerOperation - 6)];
            }

            var client = operation.Json["security"] is JsonArray { Count: > 0 } ? admin : anonymous;
            var before = await FingerprintAsync();
            foreach (var fuzz in cases)
            {
                using var request = fuzz.Request();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var after = await FingerprintAsync();
                sent++;
                var status = (int)response.StatusCode;
                var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
                log.Add($"{operation.Key} | {fuzz.Name} | {status} | {Shorten(body)}");
                if (status >= 500 || (status < 300 && operation.Method != "get") || changed.Count > 0)
                {
                    failures.Add($"{operation.Key} | {fuzz.Name} | {status}{(changed.Count > 0 ? " | stored in " + string.Join(", ", changed) : string.Empty)} | {Shorten(body)}");
                }

                before = after;
            }
        }

        // Every case and its answer, for whoever checks what the server says to each.
        await File.WriteAllLinesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "openapi-fuzz.txt"), log);
        TestContext.Out.WriteLine($"{sent} cases over {document.Operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s; {failures.Count} failed:");
        foreach (var failure in failures)
        {
            TestContext.Out.WriteLine(failure);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.GreaterThan(document.Operations.Count * 3), "every operation is fuzzed");
            Assert.That(failures, Is.Empty);
        });
    }

    [Test]
    public async Task FuzzCheck_AStoredChange_IsSeen()
    {
        var before = await FingerprintAsync();
        await season.World.SponsorInAsync(season.City, $"Fuzz Self-Check {Guid.NewGuid():N}");

        var after = await FingerprintAsync();

        Assert.That(before.Where(t => after[t.Key] != t.Value).Select(t => t.Key), Does.Contain("sponsors.sponsors"));
    }

    [Test]
    public void FuzzCheck_AnOperationWithABody_GetsEveryKindOfCase()
    {
        var create = document.Operations.Single(o => o.Key == "POST /api/leagues");

        var names = Cases(create).Select(c => c.Name).ToList();

        Assert.That(names, Is.SupersetOf(new[]
        {
            "body: null", "body: not JSON", "body: empty", "name: NUL", "name: 1 MB", "name: missing", "name: a number",
            "cityId: not a GUID", "seasonYear: huge", "seasonYear: text", "status: unknown value", "status: missing",
        }));
    }

    /// <summary>The malformed requests for one operation, built from its parameters and body schema.</summary>
    /// <summary>
    /// Every table of the modules' schemas (outbox, inbox and audit included): its row count and newest row version
    /// (xmin): an insert or update raises the one, a delete lowers the other.
    /// </summary>
    private static async Task<string> FingerprintSqlAsync()
    {
        var tables = await Database.Postgres.ScalarAsync<string>("""
            SELECT string_agg(format('SELECT %L AS t, count(*) || '':'' || coalesce(max(xmin::text::bigint), 0) AS f FROM %I.%I',
                                     table_schema || '.' || table_name, table_schema, table_name), ' UNION ALL ' ORDER BY table_schema, table_name)
            FROM information_schema.tables
            WHERE table_schema IN ('identity', 'leagues', 'sponsors', 'teams', 'trivia', 'import', 'public_site') AND table_type = 'BASE TABLE'
            """);
        return $"SELECT string_agg(t || '=' || f, E'\\n' ORDER BY t) FROM ({tables}) s";
    }

    private async Task<Dictionary<string, string>> FingerprintAsync() =>
        (await Database.Postgres.ScalarAsync<string>(fingerprintSql) ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private static string Shorten(string text) => (text.Length <= 200 ? text : text[..200] + "…").ReplaceLineEndings(" ");
}
