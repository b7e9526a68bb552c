using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Auditing;

public sealed record AuditEntryDto(
    Guid Id,
    string Module,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string Actor,
    string EntityType,
    string EntityId,
    Guid? CityId,
    string Action,
    string Changes,
    string? Reason);

public sealed record AuditQuery(string? EntityType, string? EntityId, DateTimeOffset? Before, int Limit);

/// <summary>Reads one module's audit log, limited to the caller's cities; platform-wide entries only for system admins.</summary>
public interface IAuditReader
{
    string Module { get; }

    Task<IReadOnlyList<AuditEntryDto>> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken);
}

internal sealed class AuditReader<TContext>(TContext db, ModuleRegistration<TContext> registration) : IAuditReader
    where TContext : DbContext, IModuleDbContext
{
    public string Module => registration.Module;

    public async Task<IReadOnlyList<AuditEntryDto>> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!scope.AllCities)
        {
            var cities = scope.CityIdArray;
            entries = entries.Where(e => e.CityId != null && cities.Contains(e.CityId.Value));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.OccurredAt < before);
        }

        var module = Module;
        return await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Limit)
            .Select(e => new AuditEntryDto(e.Id, module, e.OccurredAt, e.UserId, e.Actor, e.EntityType, e.EntityId, e.CityId, e.Action, e.Changes, e.Reason))
            .ToListAsync(cancellationToken);
    }
}
