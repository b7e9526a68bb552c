using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Auditing;

/// <summary>Reads one module's audit log, limited to the caller's cities; platform-wide entries only for system admins.</summary>
public interface IAuditReader
{
    string Module { get; }

    Task<AuditPage> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken);
}

internal sealed class AuditReader<TContext>(TContext db, ModuleRegistration<TContext> registration) : IAuditReader
    where TContext : DbContext, IModuleDbContext
{
    public string Module => registration.Module;

    public async Task<AuditPage> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken)
    {
        var entries = Filtered(db.AuditEntries.AsNoTracking(), query, scope);
        var total = query.WithTotal ? await entries.LongCountAsync(cancellationToken) : (long?)null;
        if (query.Before is { } before)
        {
            entries = query.BeforeId is { } beforeId
                ? entries.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.OccurredAt, e.Id), ValueTuple.Create(before, beforeId)))
                : entries.Where(e => e.OccurredAt < before);
        }

        var module = Module;
        var page = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Limit)
            .Select(e => new AuditEntryDto(e.Id, module, e.OccurredAt, e.UserId, e.Actor, e.EntityType, e.EntityId, e.CityId, e.Action, e.Changes, e.Reason))
            .ToListAsync(cancellationToken);
        return new AuditPage([.. page.Select(e => e with { Fields = AuditChanges.Read(db.Model, e.EntityType, e.Changes) })], total);
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> entries, AuditQuery query, CityScope scope)
    {
        if (!scope.AllCities)
        {
            var cities = scope.CityIdArray;
            entries = entries.Where(e => e.CityId != null && cities.Contains(e.CityId.Value));
        }

        if (query.CityId is { } city)
        {
            entries = entries.Where(e => e.CityId == city);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.UserId is { } user)
        {
            entries = entries.Where(e => e.UserId == user);
        }

        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            var pattern = LikePatterns.Contains(query.Who);
            entries = entries.Where(e => EF.Functions.ILike(e.Actor, pattern, LikePatterns.Escape));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        return entries;
    }
}
