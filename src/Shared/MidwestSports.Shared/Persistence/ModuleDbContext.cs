using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Messaging;

namespace MidwestSports.Shared.Persistence;

/// <summary>
/// What every module's DbContext has: its own schema, its own migrations history in that schema, and its own
/// outbox, inbox and audit tables. <see cref="ModuleDbContext"/> is the usual base; a context that must derive
/// from something else (Identity's) implements this and calls <see cref="ModuleModel.Configure"/>.
/// </summary>
public interface IModuleDbContext
{
    string Schema { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    /// <summary>Outbox rows saved by this context and not yet handed to the dispatcher.</summary>
    OutboxBuffer PendingOutbox { get; }

    DatabaseFacade Database { get; }
}

public sealed class OutboxBuffer
{
    private readonly List<Guid> ids = [];

    internal int Count => ids.Count;

    internal void Add(Guid id) => ids.Add(id);

    internal void Clear() => ids.Clear();

    internal Guid[] Drain()
    {
        var drained = ids.ToArray();
        ids.Clear();
        return drained;
    }
}

public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IModuleDbContext
{
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public OutboxBuffer PendingOutbox { get; } = new();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => ModuleModel.Configure(modelBuilder, Schema);
}

public static class ModuleModel
{
    /// <summary>The schema and the outbox, inbox and audit tables every module owns.</summary>
    public static void Configure(ModelBuilder modelBuilder, string schema)
    {
        modelBuilder.HasDefaultSchema(schema);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Type).HasMaxLength(500);
            b.Property(x => x.Payload).HasColumnType("jsonb");
            b.HasIndex(x => x.NextAttemptAt).HasFilter("processed_at IS NULL").HasDatabaseName($"ix_{schema}_outbox_unprocessed");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(x => new { x.MessageId, x.Handler });
            b.Property(x => x.Handler).HasMaxLength(200);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_log");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Actor).HasMaxLength(256);
            b.Property(x => x.EntityType).HasMaxLength(100);
            b.Property(x => x.EntityId).HasMaxLength(100);
            b.Property(x => x.Action).HasMaxLength(20);
            b.Property(x => x.Changes).HasColumnType("jsonb");
            b.Property(x => x.Reason).HasMaxLength(500);
            b.HasIndex(x => new { x.CityId, x.OccurredAt });
            b.HasIndex(x => new { x.EntityType, x.EntityId });
        });
    }

    /// <summary>
    /// Publishes an outbox row already in the table (written or taken over with SQL in the current transaction) once the
    /// current unit of work commits, with the rows <see cref="AddToOutbox"/> adds.
    /// </summary>
    public static void PublishAfterCommit(this IModuleDbContext db, Guid outboxMessageId) => db.PendingOutbox.Add(outboxMessageId);

    /// <summary>Records an event to publish once the current unit of work commits.</summary>
    public static void AddToOutbox(this IModuleDbContext db, IIntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var (type, payload) = IntegrationEventSerializer.Serialize(integrationEvent);
        db.OutboxMessages.Add(OutboxMessage.Create(integrationEvent.EventId, type, payload, now));
    }
}
