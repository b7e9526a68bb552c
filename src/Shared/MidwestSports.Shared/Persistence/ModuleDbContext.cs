using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Messaging;

namespace MidwestSports.Shared.Persistence;

/// <summary>
/// The base of every module's DbContext: its own schema, its own migrations history in that schema,
/// and its own outbox and inbox tables.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private readonly List<Guid> pendingOutbox = [];

    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Outbox rows added by this context and not yet handed to the dispatcher.</summary>
    internal List<Guid> PendingOutbox => pendingOutbox;

    /// <summary>Records an event to publish once the current unit of work commits.</summary>
    public void AddToOutbox(IIntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var (type, payload) = IntegrationEventSerializer.Serialize(integrationEvent);
        OutboxMessages.Add(OutboxMessage.Create(integrationEvent.EventId, type, payload, now));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Type).HasMaxLength(500);
            b.Property(x => x.Payload).HasColumnType("jsonb");
            b.HasIndex(x => x.NextAttemptAt).HasFilter("processed_at IS NULL").HasDatabaseName($"ix_{Schema}_outbox_unprocessed");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(x => new { x.MessageId, x.Handler });
            b.Property(x => x.Handler).HasMaxLength(200);
        });
    }
}
