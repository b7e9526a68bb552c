using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MidwestSports.Shared.Messaging;

/// <summary>Publishes freshly committed outbox rows in-process, in a scope of their own.</summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    public async Task DispatchAsync(Type contextType, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (!options.Value.PublishAfterCommit)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetServices<IOutboxProcessor>().Single(p => p.ContextType == contextType);
            await processor.ProcessAsync(ids, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is committed; the relay will publish it. Never fail the caller's request for this.
            LogDispatchFailed(logger, contextType.Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing after commit failed for {Context}; the relay will retry")]
    private static partial void LogDispatchFailed(ILogger logger, string context, Exception exception);
}
