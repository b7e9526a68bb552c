using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Messaging;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every entity a SaveChanges creates, changes or deletes, in the same
/// transaction. One instance per DbContext (scoped): it knows who is acting from the current scope.
/// </summary>
internal sealed class AuditInterceptor(CurrentScope current, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Audit(DbContext? context)
    {
        if (context is not IModuleDbContext module)
        {
            return;
        }

        var now = time.GetUtcNow();
        var scope = current.Scope;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (OutboxMessage or InboxMessage or AuditEntry or INotAudited))
            .Where(e => !e.Metadata.IsOwned())
            // Only the platform's own entities: framework rows (data-protection keys, Identity tokens) hold secrets.
            .Where(e => e.Metadata.ClrType.Namespace?.StartsWith("MidwestSports.", StringComparison.Ordinal) == true)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            module.AuditEntries.Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                OccurredAt = now,
                UserId = scope.UserId,
                Actor = scope.Actor,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                CityId = CityOf(entry),
                Action = entry.State switch
                {
                    EntityState.Added => "Created",
                    EntityState.Deleted => "Deleted",
                    _ => "Updated",
                },
                Changes = JsonSerializer.Serialize(changes, Json),
                Reason = current.AuditReason,
            });
        }
    }

    private static Guid? CityOf(EntityEntry entry) => entry.Entity switch
    {
        ICityOwned owned => owned.CityId,
        IAuditedCity city => city.AuditCityId,
        _ => null,
    };

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (IsSecret(property.Metadata.Name))
            {
                if (entry.State == EntityState.Modified && property.IsModified)
                {
                    changes[property.Metadata.Name] = new { changed = true };
                }

                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = new { @new = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = new { old = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
            }
        }

        return changes;
    }

    /// <summary>Hashes, stamps and tokens never go into the audit log; that they changed does.</summary>
    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Stamp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Token", StringComparison.OrdinalIgnoreCase);
}

/// <summary>For an entity that is itself a city (or otherwise knows its city without being <see cref="ICityOwned"/>).</summary>
public interface IAuditedCity
{
    Guid AuditCityId { get; }
}
