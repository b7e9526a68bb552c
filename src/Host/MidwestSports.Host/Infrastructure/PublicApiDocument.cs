using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The public API's own OpenAPI document (<c>/openapi/public-v1.json</c>, anonymous): only the <c>/public/v1</c>
/// routes, with the same contract rules as the admin document (<see cref="OpenApiContract"/>: every success schema,
/// every 4xx in the ProblemDetails shape), plus what a website needs to cache well: the ETag, Cache-Control and
/// Last-Modified headers, <c>If-None-Match</c> and its 304, 400 for a malformed id, and examples.
/// </summary>
internal static class PublicApiDocument
{
    public const string Name = "public-v1";

    public static void Configure(OpenApiOptions options)
    {
        OpenApiContract.Configure(options);
        options.ShouldInclude = description => description.GroupName == Name;
        options.AddOperationTransformer(DeclareCachingAndErrors);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Midwest Sports public API",
                Version = "v1",
                Description = "What players check on the public website: cities, published leagues, schedules, results, standings, brackets, "
                    + "teams and trivia standings, and a change feed. Anonymous, GET and HEAD only, no personal data. Every answer has a strong "
                    + "ETag (send it back in If-None-Match for a 304) and Cache-Control: public, max-age=30, stale-while-revalidate=300. "
                    + "Ids are stable GUIDs; times are ISO-8601 with the city's UTC offset. A draft, archived or unpublished league, and "
                    + "everything under it, is 404; a deleted team is 410. Limit: PublicApi__RateLimit__PerMinute requests a minute per "
                    + "client address (429 with Retry-After). See docs/public-site.md.",
            };
            return Task.CompletedTask;
        });
    }

    private static Task DeclareCachingAndErrors(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Responses ??= [];
        var head = HttpMethods.IsHead(context.Description.HttpMethod ?? "GET");
        if (head && operation.OperationId is { } getId)
        {
            // One endpoint answers GET and HEAD; operation ids must stay unique.
            operation.OperationId = getId + "Head";
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of the copy you hold: 304 with no body when it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers["ETag"] = Header("A strong validator of this answer's bytes.");
            success.Headers["Cache-Control"] = Header("public, max-age=30, stale-while-revalidate=300");
            success.Headers["Last-Modified"] = Header("When the data last changed (the payload's updatedAt).");
            if (head)
            {
                success.Description = "The headers GET would answer with, and no body.";
                success.Content = null;
            }
            else if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example) && success.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonNode.Parse(example);
                }
            }
        }

        operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the If-None-Match ETag is current; no body." };
        if (context.Description.ParameterDescriptions.Any(p => p.Name is "id") && !operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = Problem(context, typeof(HttpValidationProblemDetails), "The id is not a GUID; the errors name it.");
        }

        Example(operation, "400", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more fields are invalid.","status":400,"errors":{"id":["'abc' is not an id (a GUID such as 0190f3a2-5b7c-7d2e-8f00-1234567890ab)."]}}""");
        Example(operation, "404", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"League '0190f3a2-5b7c-7d2e-8f00-1234567890ab' was not found."}""");
        Example(operation, "410", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.11","title":"The team was deleted.","status":410,"detail":"Its games stay in the league's schedule under its name."}""");
        Example(operation, "429", """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests.","status":429,"detail":"Too many requests from this address: try again in 42 seconds."}""");
        if (operation.Responses.TryGetValue("429", out var limited) && limited is OpenApiResponse tooMany)
        {
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooMany.Headers["Retry-After"] = Header("Seconds to wait before the next request.");
        }

        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, Type body, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(body.Name, context.Document) } },
    };

    private static void Example(OpenApiOperation operation, string status, string json)
    {
        if (operation.Responses!.TryGetValue(status, out var answer) && answer is OpenApiResponse { Content: { } content })
        {
            foreach (var media in content.Values)
            {
                media.Example = JsonNode.Parse(json);
            }
        }
    }

    private static readonly Dictionary<string, string> Examples = new()
    {
        ["PublicCities"] = """{"cities":[{"id":"01a23625-ab41-75cc-b814-35b4d9e796eb","slug":"milwaukee","name":"Milwaukee","state":"WI","timeZone":"America/Chicago","updatedAt":"2026-11-02T09:46:08+00:00"}],"updatedAt":"2026-11-02T09:46:08+00:00"}""",
        ["PublicLeagueStandings"] = """{"leagueId":"01a23625-af48-7f19-b44f-2780370e44b4","leagueName":"Wednesday Softball Co-ed Rec","ruleSet":"standard","ruleSetTitle":"Win %, head-to-head, points allowed, capped differential, points scored, coin flip","rows":[{"position":1,"team":{"id":"019d6317-87f3-723e-81a9-63875b431f5e","name":"Hazy Sliders"},"played":1,"won":1,"lost":0,"tied":0,"forfeits":0,"winPercentage":1.0,"pointsFor":7,"pointsAgainst":3,"differential":4,"aboveNextBecause":"Win %"}],"updatedAt":"2026-11-19T01:12:40+00:00"}""",
        ["PublicLeagueGames"] = """{"leagueId":"01a23625-af48-7f19-b44f-2780370e44b4","timeZone":"America/Chicago","from":"2026-11-18","to":"2026-11-25","teamId":null,"games":[{"id":"01a23626-33df-729d-a6a1-c6794650033f","leagueId":"01a23625-af48-7f19-b44f-2780370e44b4","kind":"Regular","week":1,"bracketCode":null,"date":"2026-11-18","start":"2026-11-18T18:30:00-06:00","end":"2026-11-18T19:30:00-06:00","venue":{"id":"01a23626-2984-79f6-9862-1c91f897fb8f","name":"Lakefront Park"},"field":"Field 1","home":{"id":"019d6317-87f3-723e-81a9-63875b431f5e","name":"Hazy Sliders"},"away":{"id":"019d6317-9a1b-7c3e-8f00-1234567890ab","name":"Wild Dingers"},"homeScore":7,"awayScore":3,"status":"Final","forfeitedBy":null,"updatedAt":"2026-11-19T01:12:40+00:00"}],"updatedAt":"2026-11-19T01:12:40+00:00"}""",
        ["PublicChanges"] = """{"changes":[{"kind":"game","id":"01a23626-33df-729d-a6a1-c6794650033f","leagueId":"01a23625-af48-7f19-b44f-2780370e44b4","change":"updated","at":"2026-11-19T01:12:40+00:00"},{"kind":"standings","id":"01a23625-af48-7f19-b44f-2780370e44b4","leagueId":"01a23625-af48-7f19-b44f-2780370e44b4","change":"updated","at":"2026-11-19T01:12:40+00:00"}],"next":"AQAAAAAAAAPo","more":false,"updatedAt":"2026-11-19T01:12:40+00:00"}""",
    };
}
