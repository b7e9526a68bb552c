using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Messaging;

public interface IOutboxProcessor
{
    string Module { get; }

    Type ContextType { get; }

    /// <summary>Publishes due, unprocessed rows (only <paramref name="ids"/> when given). Returns how many were handled.</summary>
    Task<int> ProcessAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken);

    Task<long> BacklogAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Claims rows with FOR UPDATE SKIP LOCKED, so the after-commit publish and any number of relays never
/// publish the same row at once, and publishes each through the mediator in a scope of its own.
/// </summary>
internal sealed partial class OutboxProcessor<TContext>(
    TContext db,
    ModuleRegistration<TContext> registration,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor<TContext>> logger) : IOutboxProcessor
    where TContext : DbContext, IModuleDbContext
{
    public string Module => registration.Module;

    public Type ContextType => typeof(TContext);

    public async Task<int> ProcessAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var table = $"\"{db.Schema}\".outbox_messages";
#pragma warning disable EF1002 // the table name is the module's constant schema
        var query = ids is null
            ? db.OutboxMessages.FromSqlRaw(
                $"SELECT * FROM {table} WHERE processed_at IS NULL AND next_attempt_at <= {{0}} ORDER BY occurred_at LIMIT {{1}} FOR UPDATE SKIP LOCKED",
                now, options.Value.BatchSize)
            : db.OutboxMessages.FromSqlRaw(
                $"SELECT * FROM {table} WHERE processed_at IS NULL AND id = ANY({{0}}) ORDER BY occurred_at FOR UPDATE SKIP LOCKED",
                ids.ToArray());
#pragma warning restore EF1002
        var batch = await query.ToListAsync(cancellationToken);

        foreach (var message in batch)
        {
            try
            {
                var integrationEvent = IntegrationEventSerializer.Deserialize(message.Type, message.Payload);
                await using var handlerScope = scopes.CreateAsyncScope();
                // Handlers act for the platform, across cities: the event was already authorized when it was raised.
                handlerScope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("outbox:" + Module);
                var publisher = handlerScope.ServiceProvider.GetRequiredService<IPublisher>();
                await publisher.Publish(integrationEvent, cancellationToken);
                message.MarkProcessed(time.GetUtcNow());
                LogPublished(logger, Module, message.Id, message.Type);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.MarkFailed(time.GetUtcNow(), ex.ToString());
                LogPublishFailed(logger, Module, message.Id, message.Type, message.Attempts, ex);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    public Task<long> BacklogAsync(CancellationToken cancellationToken) =>
        db.OutboxMessages.LongCountAsync(m => m.ProcessedAt == null, cancellationToken);

    /// <summary>One line per delivery, at Debug: what the two-host test counts to prove each message is published once.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Module} outbox message {PublishedMessageId} ({Type}) published")]
    private static partial void LogPublished(ILogger logger, string module, Guid publishedMessageId, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Module} outbox message {MessageId} ({Type}) failed on attempt {Attempts}; will retry")]
    private static partial void LogPublishFailed(ILogger logger, string module, Guid messageId, string type, int attempts, Exception exception);
}
