using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Puts TraceId and SpanId on every log event written inside a span (a request, a job, a sync or import run), so a
/// log line leads to its trace and back. Enrichers run on the logging thread, before the asynchronous sink.
/// </summary>
internal sealed class TelemetryLogEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Activity.Current is not { } activity)
        {
            return;
        }

        logEvent.AddPropertyIfAbsent(new LogEventProperty("TraceId", new ScalarValue(activity.TraceId.ToHexString())));
        logEvent.AddPropertyIfAbsent(new LogEventProperty("SpanId", new ScalarValue(activity.SpanId.ToHexString())));
    }
}
