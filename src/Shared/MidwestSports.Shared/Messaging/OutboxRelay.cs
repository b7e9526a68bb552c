using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MidwestSports.Shared.Messaging;

/// <summary>
/// Publishes what the after-commit publish did not: rows left by a crash, a failed handler or a database
/// blip. Runs in every Host instance; SKIP LOCKED keeps them from publishing the same row twice at once.
/// </summary>
internal sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RelayInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RelayOnceAsync(stoppingToken);
        }
    }

    internal async Task RelayOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var processor in scope.ServiceProvider.GetServices<IOutboxProcessor>())
        {
            try
            {
                var handled = await processor.ProcessAsync(null, cancellationToken);
                if (handled > 0)
                {
                    LogRelayed(logger, processor.Module, handled);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, processor.Module, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Module} outbox relay handled {Count} messages")]
    private static partial void LogRelayed(ILogger logger, string module, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Module} outbox relay failed: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, string module, string reason);
}
