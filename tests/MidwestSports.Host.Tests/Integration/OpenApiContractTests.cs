using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Access;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The OpenAPI document is a contract a generated client can rely on: every operation declares its success body
/// (or an explicit bodiless 202/204/302) and the 4xx answers it can give, and every GET's real answer matches its declared schema.
/// </summary>
public sealed class OpenApiContractTests
{
    private const string SelfCheckDocument = """
        {
          "paths": {
            "/things/{id}": {
              "get": { "security": [{ "Bearer": [] }], "parameters": [{ "name": "id", "in": "path" }],
                       "responses": { "200": { "description": "OK" }, "401": {}, "404": {} } },
              "put": { "security": [{ "Bearer": [] }], "parameters": [{ "name": "id", "in": "path" }], "requestBody": {},
                       "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                                      "400": {}, "401": {}, "403": {}, "404": {} } },
              "delete": { "parameters": [{ "name": "id", "in": "path" }, { "name": "If-Match", "in": "header" }],
                          "responses": { "204": { "description": "No Content" }, "404": {}, "409": {}, "412": {} } }
            },
            "/api/auth/login": { "post": { "requestBody": {}, "responses": { "200": { "content": { "application/json": { "schema": { "type": "object" } } } }, "400": {} } } }
          },
          "components": { "schemas": { "Thing": { "type": "object", "properties": { "id": { "type": "string" }, "version": { "type": "integer" } } } } }
        }
        """;

    private SeasonWorld season = null!;

    [OneTimeSetUp]
    public async Task SeedAsync() => season = await SeasonWorld.CreateAsync();

    [Test]
    public async Task EveryOperation_DeclaresSuccessBodyAndItsErrorAnswers()
    {
        using var client = season.World.Client(Persona.SystemAdmin);
        var document = await ApiDocument.LoadAsync(client);

        var violations = ContractViolations(document, SystemAdminOnly());

        Assert.Multiple(() =>
        {
            Assert.That(document.Operations, Has.Count.GreaterThanOrEqualTo(50), "the rule must see the operations, or it proves nothing");
            Assert.That(violations, Is.Empty);
        });
    }

    [Test]
    public void ContractRule_OperationsMissingDeclarations_AreCaught()
    {
        var document = new ApiDocument(JsonNode.Parse(SelfCheckDocument)!.AsObject());

        var violations = ContractViolations(document, new HashSet<string>());

        Assert.That(violations, Is.EquivalentTo(new[]
        {
            "GET /things/{id}: no 2xx response with a schema",
            "PUT /things/{id}: no 409 response",
            "PUT /things/{id}: no 412 response",
            "PUT /things/{id}: no If-Match header parameter",
            "POST /api/auth/login: 200 application/json has no real schema",
            "POST /api/auth/login: no 429 response",
        }));
    }

    [Test]
    public async Task EveryGet_AnswersWhatItsSchemaDeclares()
    {
        using var client = season.World.Client(Persona.SystemAdmin);
        var document = await ApiDocument.LoadAsync(client);
        var (gets, failures) = await SchemaFailuresAsync(client, document);

        Assert.Multiple(() =>
        {
            Assert.That(gets, Is.GreaterThanOrEqualTo(20), "every GET of the document is called");
            Assert.That(failures, Is.Empty);
        });
    }

    [Test]
    public async Task PublicDocument_IsAnonymous_DeclaresEveryAnswer_AndEveryGetAnswersItsSchema()
    {
        using var client = season.World.Client(Persona.Anonymous);
        var document = await ApiDocument.LoadAsync(client, "public-v1");
        var violations = ContractViolations(document, new HashSet<string>());
        var ids = document.Operations.Select(o => o.Json["operationId"]?.GetValue<string>()).ToList();
        var (gets, failures) = await SchemaFailuresAsync(client, document);

        Assert.Multiple(() =>
        {
            Assert.That(document.Operations.Select(o => o.Path), Has.All.StartWith("/public/v1/"), "the public document holds the public API alone");
            Assert.That(gets, Is.GreaterThanOrEqualTo(10));
            Assert.That(violations, Is.Empty);
            Assert.That(ids, Is.Unique, "GET and HEAD of one route have their own operation ids");
            Assert.That(document.Operations.Where(o => o.Method == "get").Select(o => o.Key), Has.All.Matches<string>(k => document.Operations.Single(o => o.Key == k).Responses["304"] is not null));
            Assert.That(failures, Is.Empty);
        });
    }

    private async Task<(int Gets, List<string> Failures)> SchemaFailuresAsync(HttpClient client, ApiDocument document)
    {
        var gets = document.Operations.Where(o => o.Method == "get").ToList();
        var failures = new List<string>();
        foreach (var operation in gets)
        {
            var path = season.Fill(operation.Path);
            if (path is null)
            {
                failures.Add($"{operation.Key}: the test knows no id for this path; teach SeasonWorld.Fill");
                continue;
            }

            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses[status] is not JsonObject declared || !status.StartsWith('2'))
            {
                failures.Add($"{operation.Key}: answered {status}, not a declared success: {Shorten(body)}");
                continue;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (declared["content"]?[mediaType]?["schema"] is not JsonNode schema)
            {
                failures.Add($"{operation.Key}: answered {mediaType}, which {status} does not declare");
                continue;
            }

            if (mediaType.EndsWith("json", StringComparison.Ordinal))
            {
                failures.AddRange(document.Violations(schema, body).Select(v => $"{operation.Key}: {v}"));
            }
            else if (body.Length == 0)
            {
                failures.Add($"{operation.Key}: an empty {mediaType} body");
            }
        }

        return (gets.Count, failures);
    }

    [Test]
    public async Task SchemaCheck_BodyNotMatchingItsSchema_IsCaught()
    {
        using var client = season.World.Client(Persona.SystemAdmin);
        var document = await ApiDocument.LoadAsync(client);
        var city = document.Operations.Single(o => o.Key == "GET /api/cities/{id}").Responses["200"]!["content"]!["application/json"]!["schema"]!;
        var cities = document.Operations.Single(o => o.Key == "GET /api/cities").Responses["200"]!["content"]!["application/json"]!["schema"]!;
        const string valid = """{"id":"6f1c3a52-58a4-4a8e-9c6e-6f0f8c1b1d20","name":"Milwaukee","state":"WI","timeZone":"America/Chicago","version":1}""";

        Assert.Multiple(() =>
        {
            Assert.That(document.Violations(city, valid), Is.Empty, "a conforming city passes");
            Assert.That(document.Violations(city, valid.Replace("\"Milwaukee\"", "42", StringComparison.Ordinal)), Is.Not.Empty, "a number for a name");
            Assert.That(document.Violations(city, valid.Replace("\"name\":\"Milwaukee\",", string.Empty, StringComparison.Ordinal)), Is.Not.Empty, "a missing name");
            Assert.That(document.Violations(city, valid.Replace("\"version\":1", "\"version\":null", StringComparison.Ordinal)), Is.Not.Empty, "a null version");
            Assert.That(document.Violations(cities, valid), Is.Not.Empty, "an object where a list is declared");
        });
    }

    /// <summary>What the document must say of each operation, read from the document alone (and the app's policies).</summary>
    internal static List<string> ContractViolations(ApiDocument document, IReadOnlySet<string> systemAdminOnly)
    {
        var violations = new List<string>();
        foreach (var operation in document.Operations)
        {
            var responses = operation.Responses;
            var successes = responses.Where(r => r.Key.StartsWith('2') || r.Key == "302").ToList();
            if (successes.Count == 0 || successes.All(r => r.Key is not ("202" or "204" or "302") && r.Value?["content"] is null))
            {
                violations.Add($"{operation.Key}: no 2xx response with a schema");
            }

            foreach (var (status, response) in successes.Where(r => r.Key is not ("202" or "204" or "302")))
            {
                foreach (var (mediaType, media) in response?["content"] as JsonObject ?? [])
                {
                    if (!IsReal(document, media?["schema"], 0))
                    {
                        violations.Add($"{operation.Key}: {status} {mediaType} has no real schema");
                    }
                }
            }

            var signIn = operation.Json["security"] is JsonArray { Count: > 0 };
            var pathIds = operation.Parameters("path").Any();
            var readsInput = operation.Json["requestBody"] is not null || operation.Parameters("query").Any();
            var versionedWrite = pathIds && operation.Method != "get" && EditsVersionedResource(document, operation);
            var required = new List<string>();
            required.AddRange(readsInput ? ["400"] : []);
            required.AddRange(signIn ? ["401"] : []);
            required.AddRange(signIn && (operation.Method != "get" || systemAdminOnly.Contains(operation.Key)) ? ["403"] : []);
            required.AddRange(pathIds ? ["404"] : []);
            required.AddRange(versionedWrite ? ["409", "412"] : []);
            required.AddRange(operation.Key == "POST /api/auth/login" ? ["429"] : []);
            violations.AddRange(required.Where(s => !responses.ContainsKey(s)).Select(s => $"{operation.Key}: no {s} response"));
            if (versionedWrite && !operation.Parameters("header").Any(p => string.Equals((string?)p["name"], "If-Match", StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{operation.Key}: no If-Match header parameter");
            }
        }

        return violations;
    }

    /// <summary>
    /// A write to a resource whose answer carries a <c>version</c> (or, answering 204, whose GET at the same path does):
    /// a stale version must be refusable, so 409, 412 and If-Match belong to it.
    /// </summary>
    private static bool EditsVersionedResource(ApiDocument document, ApiOperation operation)
    {
        bool Versioned(ApiOperation o) => o.Responses.Where(r => r.Key.StartsWith('2'))
            .Any(r => document.Resolve(r.Value?["content"]?["application/json"]?["schema"])?["properties"]?["version"] is not null);

        return Versioned(operation)
            || (operation.Responses.Where(r => r.Key.StartsWith('2')).All(r => r.Value?["content"] is null)
                && document.Operations.Any(o => o.Method == "get" && o.Path == operation.Path && Versioned(o)));
    }

    /// <summary>A schema a client can build a type from: properties, items of such, an enum or a scalar; never an empty {}.</summary>
    private static bool IsReal(ApiDocument document, JsonNode? schema, int depth)
    {
        var resolved = document.Resolve(schema);
        if (resolved is null || depth > 5)
        {
            return false;
        }

        var types = resolved["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).ToList(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        return resolved["properties"] is JsonObject { Count: > 0 }
            || resolved["enum"] is JsonArray { Count: > 0 }
            || (types.Contains("array") && IsReal(document, resolved["items"], depth + 1))
            || types.Any(t => t is "string" or "integer" or "number" or "boolean")
            || (resolved["oneOf"] ?? resolved["anyOf"]) is JsonArray alternatives && alternatives.Any(a => IsReal(document, a, depth + 1));
    }

    /// <summary>"GET /api/users/{id}"-style keys of the operations only a system admin may call (their 403 is a policy's).</summary>
    private static HashSet<string> SystemAdminOnly() =>
        Database.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AccessPolicies.SystemAdmin))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(v =>
                $"{v} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText ?? string.Empty, ":[a-z]+}", "}").TrimEnd('/')}"))
            .ToHashSet();

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
