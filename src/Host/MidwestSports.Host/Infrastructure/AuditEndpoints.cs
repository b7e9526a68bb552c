using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The audit log across modules, newest first: a system admin sees everything, a city admin the entries of their
/// cities, a viewer nothing (403). Page backwards with <c>before</c> = the last entry's time.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/audit", ReadAsync)
            .RequireAuthorization(AccessPolicies.CityUser)
            .WithTags("Audit")
            .WithName("ReadAuditLog")
            .Produces<IReadOnlyList<AuditEntryDto>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem();

    internal static async Task<IReadOnlyList<AuditEntryDto>> ReadAllAsync(
        IEnumerable<IAuditReader> readers, CityScope scope, AuditQuery query, CancellationToken cancellationToken)
    {
        if (!scope.CanWrite)
        {
            throw new MidwestSports.Shared.Errors.ForbiddenException("The audit log is for admins.");
        }

        if (query.Limit is < 1 or > 200)
        {
            throw new ValidationException([new ValidationFailure("limit", "limit must be between 1 and 200.")]);
        }

        var entries = new List<AuditEntryDto>();
        foreach (var reader in readers)
        {
            entries.AddRange(await reader.ReadAsync(query, scope, cancellationToken));
        }

        return [.. entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Limit)];
    }

    private static async Task<IResult> ReadAsync(
        IEnumerable<IAuditReader> readers,
        CurrentScope current,
        CancellationToken cancellationToken,
        string? entityType = null,
        string? entityId = null,
        DateTimeOffset? before = null,
        int limit = 50) =>
        Results.Ok(await ReadAllAsync(readers, current.Scope, new AuditQuery(entityType, entityId, before, limit), cancellationToken));
}
