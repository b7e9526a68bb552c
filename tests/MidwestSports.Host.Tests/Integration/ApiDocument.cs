using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>One operation of the OpenAPI document: its verb, path template and JSON.</summary>
internal sealed record ApiOperation(string Method, string Path, JsonObject Json)
{
    public string Key => $"{Method.ToUpperInvariant()} {Path}";

    public IEnumerable<JsonObject> Parameters(string location) =>
        (Json["parameters"] as JsonArray ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == location);

    public JsonObject Responses => Json["responses"] as JsonObject ?? [];
}

/// <summary>The app's OpenAPI document as served at /openapi/v1.json, and JSON Schemas built from its components.</summary>
internal sealed class ApiDocument(JsonObject root)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];
    private static int built;

    public JsonObject Root { get; } = root;

    public IReadOnlyList<ApiOperation> Operations { get; } =
        (from path in (root["paths"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)
         from verb in Verbs
         let operation = path.Value?[verb] as JsonObject
         where operation is not null
         select new ApiOperation(verb, path.Key, operation)).ToList();

    public static async Task<ApiDocument> LoadAsync(HttpClient client, string name = "v1")
    {
        var text = await client.GetStringAsync($"/openapi/{name}.json");
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"openapi-{name}.json");
        await File.WriteAllTextAsync(path, text); // kept for whoever reads the contract by eye
        return new ApiDocument(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>A component or inline schema, with its $refs followed, for reading (not for validating).</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject o && o["$ref"] is JsonValue reference && depth < 10; depth++)
        {
            schema = Root["components"]?["schemas"]?[((string)reference!).Split('/')[^1]];
        }

        return schema as JsonObject;
    }

    /// <summary>A JSON Schema (2020-12, as OpenAPI 3.1 uses) of one schema of the document, its component references resolved.</summary>
    public JsonSchema SchemaFor(JsonNode schema)
    {
        var definitions = (Root["components"]?["schemas"] as JsonObject ?? []).DeepClone();
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["allOf"] = new JsonArray(schema.DeepClone()),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://midwest.test/schema/{Interlocked.Increment(ref built)}"));
    }

    /// <summary>Every schema violation of <paramref name="body"/>, empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(JsonNode schema, string body)
    {
        using var json = JsonDocument.Parse(body);
        var results = SchemaFor(schema).Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
                .DefaultIfEmpty("invalid")
                .ToList();
    }
}

/// <summary>
/// A league season with everything a path id of the API can name: cities, a venue, a league with teams, sponsors,
/// slots, a blackout, a committed schedule with a result, a playoff bracket, and the users of <see cref="World"/>.
/// </summary>
internal sealed class SeasonWorld
{
    private SeasonWorld(World world) => World = world;

    public World World { get; }

    public Guid City => World.Milwaukee;

    public Guid League { get; private set; }

    public Guid Venue { get; private set; }

    public Guid Sponsor { get; private set; }

    public Guid Team { get; private set; }

    public Guid Player { get; private set; }

    public Guid Import { get; private set; }

    public Guid Game { get; private set; }

    public Guid Blackout { get; private set; }

    public Guid TriviaLeague { get; private set; }

    public Guid SyncRun { get; private set; }

    public static async Task<SeasonWorld> CreateAsync()
    {
        var season = new SeasonWorld(await World.ResetAsync());
        var world = season.World;
        season.Sponsor = (await world.SponsorInAsync(world.Milwaukee, "Lakefront Brewing")).Id;
        await world.SponsorInAsync(world.Chicago, "Goose Island");
        season.League = (await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball")).Id;
        await world.LeagueInAsync(world.Chicago, "Thursday Softball");
        season.Venue = (await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "Veterans Park", "1010 N Lincoln Memorial Dr", ["Field 1", "Field 2"])))).Id;
        var teams = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            teams.Add((await world.TeamInAsync(season.League, $"Team {i + 1}", i % 2 == 0 ? season.Sponsor : null)).Id);
        }

        season.Team = teams[0];
        season.Player = (await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.AddPlayer(season.Team, new("Jordan Player", "jordan@example.org", "414-555-0101", IsCaptain: true)))).Id;
        await World.SendAsSystemAsync(new SetLeagueSlots(season.League, [new SlotFields(season.Venue, "Field 1", new TimeOnly(18, 30), 60), new SlotFields(season.Venue, "Field 2", new TimeOnly(18, 30), 60)]));
        var setup = await World.SendAsSystemAsync(new AddBlackout(season.League, new BlackoutFields(new DateOnly(2027, 5, 25), null, "Memorial Day")));
        season.Blackout = setup.Blackouts[0].Id;
        await World.SendAsSystemAsync(new GenerateSchedule(season.League, ScheduleFormat.Single, new DateOnly(2027, 4, 6), 4, Commit: true));
        var games = await World.SendAsSystemAsync(new ListGames(season.League));
        await World.SendAsSystemAsync(new RecordResult(games[0].Id, new ResultFields(5, 3)));
        season.Game = games[1].Id;
        await World.SendAsSystemAsync(new CreatePlayoffs(season.League, PlayoffFormat.SingleElimination, 2));
        season.Import = (await World.SendAsSystemAsync(new MidwestSports.Import.Contracts.StartImport(
            "teams.csv", System.Text.Encoding.UTF8.GetBytes("Team,League,Captain\nTeam 1,Tuesday Kickball,Casey Captain\nNew Team,Tuesday Kickball,Pat Captain\n"),
            MidwestSports.Import.Contracts.ImportKind.Teams, world.Milwaukee))).Id;
        season.TriviaLeague = (await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(
            "Wednesday Trivia", "Trivia", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Wednesday, "Open", LeagueStatus.Active)))).Id;
        season.SyncRun = await FinishedSyncRunAsync();
        return season;
    }

    /// <summary>A trivia sync run that has ended (the partner may be unreachable here), so nothing changes in the background later.</summary>
    private static async Task<Guid> FinishedSyncRunAsync()
    {
        var run = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.StartTriviaSync(MidwestSports.Trivia.Contracts.SyncTrigger.Manual));
        for (var i = 0; i < 200 && run.Status == MidwestSports.Trivia.Contracts.SyncRunStatus.Running; i++)
        {
            await Task.Delay(100);
            run = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.GetSyncRun(run.Id));
        }

        return run.Id;
    }

    /// <summary>The id each path parameter of <paramref name="path"/> stands for; null when the path names something unknown.</summary>
    public string? Fill(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            var owner = i > 0 ? segments[i - 1] : string.Empty;
            var name = segments[i][(segments[i].IndexOf('{', StringComparison.Ordinal) + 1)..segments[i].IndexOf('}', StringComparison.Ordinal)];
            if ((owner, name) == ("cities", "slug"))
            {
                segments[i] = "milwaukee"; // the public API names cities by slug
                continue;
            }

            if ((owner, name) == ("templates", "kind"))
            {
                segments[i] = segments[i].Replace("{kind}", "teams", StringComparison.Ordinal);
                continue;
            }

            Guid? id = (owner, name) switch
            {
                ("leagues", "id") when path.Contains("/trivia/", StringComparison.Ordinal) => TriviaLeague,
                ("cities", "id") => City,
                ("leagues", "id") => League,
                ("venues", "id") => Venue,
                ("sponsors", "id") => Sponsor,
                ("teams", "id") => Team,
                ("players", "playerId") => Player,
                ("imports", "id") => Import,
                ("games", "id") => Game,
                ("users", "id") => World.UserId(Persona.ChicagoAdmin),
                ("blackouts", "blackoutId") => Blackout,
                ("leagues", "leagueId") => TriviaLeague,
                ("sync-runs", "id") => SyncRun,
                _ => null,
            };
            if (id is null)
            {
                return null;
            }

            segments[i] = segments[i].Replace("{" + name + "}", id.Value.ToString(), StringComparison.Ordinal);
        }

        return string.Join('/', segments);
    }

    /// <summary>An existing id for a body or query field, by its name; null when the name suggests none.</summary>
    public Guid? IdFor(string field) => field.ToLowerInvariant() switch
    {
        "cityid" or "cityids" => City,
        "leagueid" => League,
        "venueid" => Venue,
        "sponsorid" => Sponsor,
        "teamid" or "forfeitedby" => Team,
        _ => null,
    };
}
