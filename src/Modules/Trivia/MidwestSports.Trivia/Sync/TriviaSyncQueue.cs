using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MidwestSports.Trivia.Sync;

/// <summary>"Sync now" answers at once (202 with the run's id); the run itself goes here and runs in the background.</summary>
internal sealed class TriviaSyncQueue
{
    private readonly Channel<Guid> runs = Channel.CreateUnbounded<Guid>();

    public ValueTask EnqueueAsync(Guid runId, CancellationToken ct) => runs.Writer.WriteAsync(runId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => runs.Reader.ReadAllAsync(ct);
}

internal sealed partial class TriviaSyncWorker(TriviaSyncQueue queue, IServiceScopeFactory scopes, ILogger<TriviaSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var runId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var span = MidwestSports.Shared.Telemetry.PlatformTelemetry.Source.StartActivity("trivia sync");
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TriviaSync>().ExecuteAsync(runId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunCrashed(logger, runId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Trivia sync run {RunId} crashed")]
    private static partial void LogRunCrashed(ILogger logger, Guid runId, Exception exception);
}
