using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MidwestSports.Shared.Persistence;

/// <summary>
/// Something every host must hear, not one of them: an in-memory cache that a change made on another host leaves
/// stale. Unlike an outbox message (handled once, by whichever host claims it), a signal reaches every host that
/// listens, through PostgreSQL's LISTEN/NOTIFY on the one database they share (docs/adr/0021-cluster-signals.md).
/// </summary>
public interface IClusterSignalHandler
{
    /// <summary>The NOTIFY channel (a lower-case SQL identifier).</summary>
    string Channel { get; }

    void OnSignal(string payload);

    /// <summary>The listening connection was lost, so signals may have been missed: forget everything cached.</summary>
    void OnSignalsMissed();
}

/// <summary>Sends a signal to every host (this one included) through the shared database.</summary>
public sealed class ClusterSignals(NpgsqlDataSource dataSource)
{
    /// <summary>PostgreSQL's NOTIFY payload limit is 8000 bytes; a longer list is split.</summary>
    public const int MaxPayload = 7900;

    public async Task SendAsync(string channel, IEnumerable<string> items, CancellationToken cancellationToken)
    {
        foreach (var payload in Chunk(items))
        {
            await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal static IEnumerable<string> Chunk(IEnumerable<string> items)
    {
        var current = new List<string>();
        var length = 0;
        foreach (var item in items)
        {
            if (current.Count > 0 && length + item.Length + 1 > MaxPayload)
            {
                yield return string.Join(',', current);
                current.Clear();
                length = 0;
            }

            current.Add(item);
            length += item.Length + 1;
        }

        if (current.Count > 0)
        {
            yield return string.Join(',', current);
        }
    }
}

/// <summary>
/// Holds one connection that LISTENs on every handler's channel and hands each notification to its handler. A lost
/// connection is reopened after a pause, and every handler is told that it may have missed signals.
/// </summary>
internal sealed partial class ClusterSignalListener(
    NpgsqlDataSource dataSource,
    IEnumerable<IClusterSignalHandler> handlers,
    ILogger<ClusterSignalListener> logger) : BackgroundService
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byChannel = handlers.GroupBy(h => h.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        if (byChannel.Count == 0)
        {
            return;
        }

        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(byChannel, e.Channel, e.Payload);
                foreach (var channel in byChannel.Keys)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (connectedBefore)
                {
                    // Anything sent while no connection listened is lost: start from empty caches.
                    foreach (var handler in byChannel.Values.SelectMany(h => h))
                    {
                        handler.OnSignalsMissed();
                    }
                }

                connectedBefore = true;
                LogListening(logger, string.Join(", ", byChannel.Keys));
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Probe, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still alive (a dead one would never notify).
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // whatever broke the connection, the loop reconnects
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogConnectionLost(logger, ex);
                connectedBefore = true;
                foreach (var handler in byChannel.Values.SelectMany(h => h))
                {
                    handler.OnSignalsMissed();
                }

                try
                {
                    await Task.Delay(Pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Dispatch(Dictionary<string, IClusterSignalHandler[]> byChannel, string channel, string payload)
    {
        if (!byChannel.TryGetValue(channel, out var targets))
        {
            return;
        }

        foreach (var handler in targets)
        {
            try
            {
                handler.OnSignal(payload);
            }
#pragma warning disable CA1031 // a handler's failure must not stop the other handlers or the listener
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, channel);
                handler.OnSignalsMissed();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for cluster signals on {Channels}")]
    private static partial void LogListening(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster signal connection was lost; caches are cleared and it reconnects")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A cluster signal on {Channel} could not be handled; that cache is cleared")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string channel);
}

public static class ClusterSignalRegistration
{
    /// <summary>The sender and the one listening connection per host. Called once by the Host.</summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services)
    {
        services.AddSingleton<ClusterSignals>();
        services.AddHostedService<ClusterSignalListener>();
        return services;
    }
}
