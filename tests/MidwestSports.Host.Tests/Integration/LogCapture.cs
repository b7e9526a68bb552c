using System.Collections.Concurrent;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Log events of the hosts whose settings name this sink (Serilog:WriteTo), kept for tests to read.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private static readonly ConcurrentQueue<LogEvent> Queue = new();

    public static IEnumerable<LogEvent> Events => Queue;

    public void Emit(LogEvent logEvent)
    {
        Queue.Enqueue(logEvent);
        while (Queue.Count > 20_000 && Queue.TryDequeue(out _))
        {
            // Bounded: only recent events matter to a test.
        }
    }
}

/// <summary>The name Serilog's configuration reader finds the sink by.</summary>
public static class CapturedLogsSink
{
    public static LoggerConfiguration CapturedLogs(this LoggerSinkConfiguration sinks) => sinks.Sink(new LogCapture());
}
