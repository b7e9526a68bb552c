using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Messaging;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Listing work that must not hold up the request that caused it (a sponsor's rows re-keyed after a rename). The work
/// is a message in Teams' own outbox, written in the caller's transaction, so it is tracked (attempts, last error) and
/// retried by the outbox relay like any other. It is written with SQL rather than through the change tracker on
/// purpose: the after-commit publish would run it inside the request. Instead, once the caller has committed,
/// <see cref="Start"/> hands its id to a background loop that publishes it at once; after a crash the relay does.
/// </summary>
internal sealed partial class ListingWork(IServiceScopeFactory scopes, ILogger<ListingWork> logger) : BackgroundService
{
    private readonly Channel<Guid> due = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public static Task<int> QueueAsync(TeamsDbContext db, IIntegrationEvent work, DateTimeOffset now, CancellationToken ct)
    {
        var (type, payload) = IntegrationEventSerializer.Serialize(work);
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO teams.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES ({work.EventId}, {type}, {payload}::jsonb, {now}, {now}, 0)
            """,
            ct);
    }

    /// <summary>Runs committed work soon, off the caller's path. Never throws: the relay is the fallback.</summary>
    public void Start(Guid messageId) => due.Writer.TryWrite(messageId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in due.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetServices<IOutboxProcessor>().Single(p => p.ContextType == typeof(TeamsDbContext));
                await processor.ProcessAsync([id], stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, id, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams listing work {MessageId} failed; the outbox relay will retry it")]
    private static partial void LogFailed(ILogger logger, Guid messageId, Exception exception);
}
