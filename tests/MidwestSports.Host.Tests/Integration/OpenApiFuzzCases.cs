using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The fuzz cases of one operation, made from its schema: a valid baseline body, then one bad field at a time.</summary>
public sealed partial class OpenApiFuzzTests
{
    private IEnumerable<FuzzCase> Cases(ApiOperation operation)
    {
        var path = season.Fill(operation.Path) ?? operation.Path;
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var body = BodySchema(operation);
        var valid = body is null ? null : ValidBody(operation.Key) ?? Example(body, "body");

        FuzzCase Make(string name, string? url = null, string? content = null, string? contentType = "application/json", (string, string)? header = null) =>
            new(name, () =>
            {
                var request = new HttpRequestMessage(method, url ?? path);
                // Names unique per case: a create that wrongly succeeds must not turn the next cases into 409s.
                var text = (content ?? valid?.ToJsonString())?.Replace("Qxq", Letters(Interlocked.Increment(ref created)), StringComparison.Ordinal)
                    .Replace("qxq", Letters(created).ToLowerInvariant(), StringComparison.Ordinal);
                if (text is not null)
                {
                    request.Content = new StringContent(text, Encoding.UTF8);
                    request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
                }

                if (header is var (key, value))
                {
                    request.Headers.TryAddWithoutValidation(key, value);
                }

                return request;
            });

        // No NUL in a path: the test server refuses to send one, as Kestrel answers it 400 before routing.
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = (string)parameter["name"]!;
            var placeholder = "{" + name + "}";
            foreach (var (label, bad) in new[] { ("not a GUID", "not-a-guid"), ("empty GUID", Guid.Empty.ToString()), ("unknown GUID", "0b4d9f2e-6c1a-4e57-9a43-1f7d3c2b8e90") })
            {
                var url = (season.Fill(operation.Path.Replace(placeholder, "\u0001", StringComparison.Ordinal)) ?? operation.Path).Replace("\u0001", bad, StringComparison.Ordinal);
                yield return Make($"path {name}: {label}", url);
            }
        }

        foreach (var parameter in operation.Parameters("query"))
        {
            var name = (string)parameter["name"]!;
            // A number or an object is still text in a query string: only the malformed values of the parameter's own type.
            foreach (var (label, bad) in BadScalars(document.Resolve(parameter["schema"]), name).Where(b => b.Value is JsonValue && b.Label is not ("a number" or "an object")))
            {
                var text = bad!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)bad! : bad.ToJsonString();
                yield return Make($"query {name}: {label}", $"{path}?{name}={Uri.EscapeDataString(text)}");
            }
        }

        if (operation.Parameters("header").Any(p => (string?)p["name"] == "If-Match"))
        {
            yield return Make(StaleIfMatch, header: ("If-Match", "\"fuzz-stale\""));
        }

        if (operation.Json["requestBody"]?["content"]?["multipart/form-data"] is not null)
        {
            foreach (var fuzz in MultipartCases(method, path))
            {
                yield return fuzz;
            }

            yield return Make("body: JSON instead of a form", content: "{}");
        }

        if (body is null)
        {
            yield break;
        }

        yield return Make("body: null", content: "null");
        yield return Make("body: empty", content: string.Empty);
        yield return Make("body: not JSON", content: "{\"name\": \"unterminated");
        yield return Make("body: form content type", content: "name=x", contentType: "application/x-www-form-urlencoded");
        yield return Make("body: wrong shape", content: valid is JsonArray ? "{}" : "[]");
        var (target, targetSchema, prefix) = valid is JsonArray list && list.Count > 0
            ? (list[0] as JsonObject, document.Resolve(document.Resolve(body)?["items"]), "[0].")
            : (valid as JsonObject, document.Resolve(body), string.Empty);
        if (target is null || targetSchema?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        var required = (targetSchema["required"] as JsonArray ?? []).Select(r => (string?)r).ToHashSet();
        foreach (var (property, propertySchema) in properties)
        {
            var mutations = BadScalars(document.Resolve(propertySchema), property).ToList();
            if (required.Contains(property))
            {
                mutations.Add(("missing", null));
                mutations.Add(("null", JsonValue.Create<string?>(null)));
            }

            foreach (var (label, bad) in mutations)
            {
                var copy = valid!.DeepClone();
                var holder = copy is JsonArray array ? (JsonObject)array[0]! : copy.AsObject();
                if (label == "missing")
                {
                    holder.Remove(property);
                }
                else
                {
                    holder[property] = bad?.DeepClone();
                }

                yield return Make($"{prefix}{property}: {label}", content: copy.ToJsonString());
            }
        }

    }

    /// <summary>A file upload sent no file, an empty one, a broken workbook, only unknown columns, or too much.</summary>
    private static IEnumerable<FuzzCase> MultipartCases(HttpMethod method, string path)
    {
        FuzzCase Upload(string name, string field, byte[] content, string fileName) => new(name, () => new HttpRequestMessage(method, path)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(content), field, fileName } },
        });

        yield return Upload("multipart: no file field", "other", "a,b\n1,2\n"u8.ToArray(), "x.csv");
        yield return Upload("multipart: empty file", "file", [], "x.csv");
        yield return Upload("multipart: broken workbook", "file", [0x50, 0x4B, 0x03, 0x04, 0x01, 0x02, 0x03], "x.xlsx");
        yield return Upload("multipart: unknown columns only", "file", "foo,bar\n1,2\n"u8.ToArray(), "x.csv");
        yield return Upload("multipart: binary", "file", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))], "x.csv");
        yield return Upload("multipart: 6 MB", "file", new byte[6 * 1024 * 1024], "x.csv");
    }

    private static IEnumerable<(string Label, JsonNode? Value)> BadScalars(JsonObject? schema, string name)
    {
        var types = Types(schema);
        var format = (string?)schema?["format"] ?? (string?)schema?["items"]?["format"];
        if (types.Contains("array"))
        {
            yield return ("not a list", JsonValue.Create("x"));
            yield return ("list with NUL", new JsonArray("a\u0000b"));
            yield return ("list with 1 MB", new JsonArray(Megabyte));
            yield break;
        }

        if (schema?["enum"] is JsonArray)
        {
            yield return ("unknown value", JsonValue.Create("NoSuchValue"));
            yield return ("NUL", JsonValue.Create("Active\u0000"));
            yield return ("a number", JsonValue.Create(99999));
            yield break;
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("huge", JsonNode.Parse("1" + new string('0', 30)));
            yield return ("huge negative", JsonNode.Parse("-99999999999999999999"));
            if (format == "int32")
            {
                yield return ("beyond int32", JsonNode.Parse("99999999999"));
            }

            yield return ("text", JsonValue.Create("abc"));
            yield return ("fraction", JsonNode.Parse("1.5"));
            yield break;
        }

        if (types.Contains("boolean"))
        {
            yield return ("not a flag", JsonValue.Create("maybe"));
            yield break;
        }

        switch (format)
        {
            case "uuid":
                yield return ("not a GUID", JsonValue.Create("not-a-guid"));
                yield return ("NUL", JsonValue.Create("6f1c3a52-58a4-4a8e-9c6e\u0000"));
                yield return ("a number", JsonValue.Create(12345));
                yield break;
            case "date":
                yield return ("impossible date", JsonValue.Create("2027-02-30"));
                yield return ("year 9999", JsonValue.Create("9999-12-31"));
                yield return ("not a date", JsonValue.Create("tomorrow\u0000"));
                yield break;
            case "date-time":
                yield return ("impossible time", JsonValue.Create("2027-13-45T25:61:00Z"));
                yield return ("not a date", JsonValue.Create("yesterday\u0000"));
                yield break;
            case "time":
                yield return ("impossible time", JsonValue.Create("25:61"));
                yield return ("not a time", JsonValue.Create("noon\u0000"));
                yield break;
        }

        yield return ("NUL", JsonValue.Create($"Fuzz\u0000{name}"));
        yield return ("only NUL", JsonValue.Create("\u0000"));
        yield return ("1 MB", JsonValue.Create(Megabyte));
        yield return ("a number", JsonValue.Create(42));
        yield return ("an object", new JsonObject { ["x"] = 1 });
    }

    /// <summary>
    /// A body the server accepts, per operation (for a PUT: the entity as it is), so that the one malformed field is what
    /// it has to refuse. The schema alone cannot say which sports or phone numbers are valid.
    /// </summary>
    private JsonNode? ValidBody(string operation)
    {
        var world = season.World;
        object? body = operation switch
        {
            "POST /api/auth/login" => new { email = "fuzz.nobody@test.example.org", password = "Fuzz-Password-1!" },
            "POST /api/users" => new { email = "fuzz.userqxq@test.example.org", displayName = "Fuzz User", password = World.Password, role = "CityAdmin", cityIds = new[] { world.Milwaukee }, disabled = false },
            "PUT /api/users/{id}" => new { displayName = "ChicagoAdmin", role = "CityAdmin", cityIds = new[] { world.Chicago }, disabled = false },
            "POST /api/cities" => new { name = "Green Bay Qxq", state = "WI", timeZone = "America/Chicago" },
            "PUT /api/cities/{id}" => new { name = "Milwaukee", state = "WI", timeZone = "America/Chicago" },
            "POST /api/leagues" => new { name = "Fuzz League Qxq", sport = "Softball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Thursday", level = "Co-ed Rec", status = "Registration" },
            "PUT /api/leagues/{id}" => new { name = "Tuesday Kickball", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active" },
            "POST /api/venues" => new { cityId = world.Milwaukee, name = "Fuzz Venue Qxq", address = "1 Main St", fields = new[] { "Field 1" } },
            "PUT /api/venues/{id}" => new { cityId = world.Milwaukee, name = "Veterans Park", address = "1010 N Lincoln Memorial Dr", fields = new[] { "Field 1", "Field 2" } },
            "PUT /api/leagues/{id}/slots" => new[] { new { venueId = season.Venue, field = "Field 1", start = "18:30", durationMinutes = 60 }, new { venueId = season.Venue, field = "Field 2", start = "18:30", durationMinutes = 60 } },
            "POST /api/leagues/{id}/blackouts" => new { date = "2027-05-04", teamId = (Guid?)null, reason = "Fuzz week Qxq" },
            "PUT /api/leagues/{id}/rules" => new { forfeitWinScore = 7, forfeitLossScore = 0, tieBreakers = "standard", differentialCap = (int?)null },
            "POST /api/leagues/{id}/schedule" => new { format = "Single", startDate = "2027-04-06", weeks = 4, commit = false },
            "POST /api/leagues/{id}/playoffs" => new { format = "SingleElimination", teams = 2 },
            "PUT /api/games/{id}" => new { date = "2027-06-01", start = "18:00", venueId = season.Venue, field = "Field 1" },
            "PUT /api/games/{id}/result" => new { homeScore = 3, awayScore = 1 },
            "POST /api/sponsors" => new { name = "Fuzz Sponsor Qxq", contactName = "Sam Owner", email = "sam@example.org", phone = "414-555-0100", cityIds = new[] { world.Milwaukee } },
            "PUT /api/sponsors/{id}" => new { name = "Lakefront Brewing", contactName = "Sam Owner", email = "sam@example.org", phone = "414-555-0100", cityIds = new[] { world.Milwaukee } },
            "POST /api/teams" => new { name = "Fuzz Team Qxq", leagueId = season.League, captainName = "Pat Captain", captainEmail = "pat@example.org", rosterSize = 12, status = "Active" },
            "PUT /api/teams/{id}" => new { name = "Team 1", leagueId = season.League, sponsorId = season.Sponsor, captainName = "Casey Captain", captainEmail = "casey@example.org", rosterSize = 12, status = "Active" },
            "PUT /api/teams/{id}/sponsor" => new { sponsorId = season.Sponsor },
            "POST /api/teams/{id}/players" => new { name = "Fuzz Player Qxq", email = "fuzz.qxq@example.org", phone = "414-555-0100", isCaptain = false },
            "PUT /api/teams/{id}/players/{playerId}" => new { name = "Jordan Player", email = "jordan@example.org", phone = "414-555-0101", isCaptain = true },
            _ => null,
        };
        return body is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(body, System.Text.Json.JsonSerializerOptions.Web);
    }

    /// <summary>A plausible value for a schema, so that the one malformed field is what the server has to refuse.</summary>
    private JsonNode? Example(JsonNode? node, string name)
    {
        var schema = document.Resolve(node);
        if (schema is null)
        {
            return JsonValue.Create("x");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            return Example(oneOf.FirstOrDefault(o => !Types(document.Resolve(o)).SequenceEqual(["null"])), name);
        }

        var types = Types(schema);
        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null && (string?)v != "Draft")?.DeepClone();
        }

        if (types.Contains("object") || schema["properties"] is JsonObject)
        {
            var example = new JsonObject();
            foreach (var (property, propertySchema) in schema["properties"] as JsonObject ?? [])
            {
                example[property] = Example(propertySchema, property);
            }

            return example;
        }

        if (types.Contains("array"))
        {
            return new JsonArray(Example(schema["items"], name.TrimEnd('s')));
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2027 : name.Contains("minutes", StringComparison.OrdinalIgnoreCase) ? 60 : 2);
        }

        return ((string?)schema["format"]) switch
        {
            "uuid" => JsonValue.Create((season.IdFor(name) ?? season.IdFor(name + "s") ?? Guid.NewGuid()).ToString()),
            "date" => JsonValue.Create("2027-06-08"),
            "time" => JsonValue.Create("18:30:00"),
            "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(name.ToLowerInvariant() switch
            {
                var n when n.Contains("email", StringComparison.Ordinal) => "fuzz.nobody@test.example.org",
                "password" => "Fuzz-Password-1!",
                "timezone" => "America/Chicago",
                "tiebreakers" => "standard",
                "field" => "Field 1",
                "state" => "WI",
                _ => $"Fuzz {name}",
            }),
        };
    }

    private JsonNode? BodySchema(ApiOperation operation) =>
        operation.Json["requestBody"]?["content"]?["application/json"]?["schema"];

    private static List<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => (string?)t ?? string.Empty).ToList(),
        JsonValue one => [(string?)one ?? string.Empty],
        _ => [],
    };

    private static string Letters(int number) => number <= 0 ? string.Empty : Letters((number - 1) / 26) + (char)('a' + ((number - 1) % 26));

    private sealed record FuzzCase(string Name, Func<HttpRequestMessage> Request);
}
