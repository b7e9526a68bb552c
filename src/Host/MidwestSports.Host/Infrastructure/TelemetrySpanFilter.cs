using System.Diagnostics;
using OpenTelemetry;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Keeps database spans that belong to something: a request, a job, a sync or import run. A database call with no
/// parent is a poll (the outbox relay every few seconds, Hangfire's storage) and would flood the trace store, so it
/// is not exported. Spans are marked unrecorded when they start; the exporters skip unrecorded spans.
/// </summary>
internal sealed class TelemetrySpanFilter : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Source.Name == "Npgsql" && data.Parent is null && data.ParentSpanId == default)
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            data.IsAllDataRequested = false;
        }
    }

    /// <summary>Health probes and metric scrapes: polled every few seconds, worth no trace.</summary>
    public static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(TelemetryRegistration.ScrapePath) || path.StartsWithSegments("/metrics");
}
