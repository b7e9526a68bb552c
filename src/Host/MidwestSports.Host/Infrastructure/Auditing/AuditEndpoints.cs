using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>
/// GET /api/audit: a page of the audit log, newest first, filtered by the database; GET /api/audit/export.csv: every
/// entry of the same filters as CSV. A system admin sees everything, a city admin the entries of their cities, a
/// viewer nothing (403).
/// </summary>
internal static class AuditEndpoints
{
    public const int MaxExportRows = 50_000;

    private const string Filters =
        "Filters (each optional, combined with AND): module (a module's name), cityId, userId (who acted), who (part of the " +
        "actor's email or job name), entityType (e.g. Sponsor), entityId, from (inclusive) and to (exclusive) as ISO 8601 " +
        "instants. A bad value answers 400 naming the field.";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", ReadAsync)
            .RequireAuthorization(AccessPolicies.CityUser)
            .WithTags("Audit")
            .WithName("ReadAuditLog")
            .WithDescription(
                "A page of the audit log, newest first: each entry with who (a name), what (a name), city, and a readable summary " +
                "(\"Ann Admin changed sponsor name from A → B\"), beside the recorded facts. " + Filters + " Paging: limit (1-200, " +
                "default 50); the next page is before=<occurredAt>&beforeId=<id> of the last entry, also given by the Link header " +
                "(rel=\"next\"). X-Total-Count: how many entries the filters match.")
            .Produces<IReadOnlyList<AuditLine>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
        endpoints.MapGet("/api/audit/export.csv", ExportAsync)
            .RequireAuthorization(AccessPolicies.CityUser)
            .WithTags("Audit")
            .WithName("ExportAuditLogCsv")
            .WithDescription($"The filtered audit log as CSV, newest first, at most {MaxExportRows:N0} rows. {Filters} Cells a spreadsheet would run as a formula start with an apostrophe.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();
    }

    public static AuditQuery Query(
        int limit, string? module, Guid? cityId, Guid? userId, string? who, string? entityType, string? entityId,
        DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset? before = null, Guid? beforeId = null) =>
        new(limit)
        {
            Module = Blank(module), CityId = cityId, UserId = userId, Who = Blank(who), EntityType = Blank(entityType), EntityId = Blank(entityId),
            From = from, To = to, Before = before, BeforeId = beforeId, WithTotal = true,
        };

    private static async Task<IResult> ReadAsync(
        HttpContext http,
        AuditLog log,
        CurrentScope current,
        CancellationToken cancellationToken,
        string? module = null,
        Guid? cityId = null,
        Guid? userId = null,
        string? who = null,
        string? entityType = null,
        string? entityId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        DateTimeOffset? before = null,
        Guid? beforeId = null,
        int limit = 50)
    {
        var page = await log.ReadAsync(Query(limit, module, cityId, userId, who, entityType, entityId, from, to, before, beforeId), current.Scope, cancellationToken);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (page.Next is { } next)
        {
            var query = new QueryBuilder(http.Request.Query.Where(q => q.Key is not ("before" or "beforeId"))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
            {
                { "before", next.Before.ToString("O", CultureInfo.InvariantCulture) },
                { "beforeId", next.BeforeId.ToString() },
            };
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
        }

        return Results.Ok(page.Items);
    }

    private static async Task ExportAsync(
        HttpContext http,
        AuditLog log,
        CurrentScope current,
        CancellationToken cancellationToken,
        string? module = null,
        Guid? cityId = null,
        Guid? userId = null,
        string? who = null,
        string? entityType = null,
        string? entityId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        var query = Query(AuditLog.MaxLimit, module, cityId, userId, who, entityType, entityId, from, to) with { WithTotal = false };
        // Read (and so check access and filters) before the first byte: a refusal is still a ProblemDetails answer.
        var page = await log.ReadAsync(query, current.Scope, cancellationToken);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(AuditCsv.Header);
        var rows = 0;
        while (true)
        {
            foreach (var line in page.Items.Take(MaxExportRows - rows))
            {
                await writer.WriteLineAsync(AuditCsv.Row(line));
                rows++;
            }

            if (page.Next is not { } next || rows >= MaxExportRows)
            {
                break;
            }

            page = await log.ReadAsync(query with { Before = next.Before, BeforeId = next.BeforeId }, current.Scope, cancellationToken);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
