using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;
using MidwestSports.Shared.Telemetry;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// A span and a measurement for every Hangfire job this host performs (no Hangfire instrumentation package is served
/// here): the span parents the job's database calls, and midwest.jobs.runs/duration count it by job and outcome.
/// </summary>
internal sealed class TelemetryJobFilter : IServerFilter
{
    private const string Key = "midwest.telemetry.started";

    /// <summary>Hangfire's filters are process-wide; a second host in the same process (tests) must not measure twice.</summary>
    public static void AddOnce(JobFilterCollection filters)
    {
        lock (filters)
        {
            if (!filters.Any(f => f.Instance is TelemetryJobFilter))
            {
                filters.Add(new TelemetryJobFilter());
            }
        }
    }

    public void OnPerforming(PerformingContext context)
    {
        var job = JobName(context);
        var activity = PlatformTelemetry.Source.StartActivity($"job {job}");
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        activity?.SetTag(PlatformTelemetry.Tags.Job, job);
        context.Items[Key] = new Started(job, Stopwatch.GetTimestamp(), activity);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(Key, out var value) || value is not Started started)
        {
            return;
        }

        var failed = context.Exception is not null && !context.ExceptionHandled;
        PlatformTelemetry.JobFinished(started.Job, failed ? PlatformTelemetry.Outcomes.Failed : PlatformTelemetry.Outcomes.Succeeded, Stopwatch.GetElapsedTime(started.Timestamp));
        if (started.Activity is { } activity)
        {
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetBaseException().Message);
            }

            activity.Dispose();
        }
    }

    /// <summary>A recurring job by its id (all of them run through one runner method); any other by type and method.</summary>
    private static string JobName(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId") is { Length: > 0 } id ? id
        : $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";

    private sealed record Started(string Job, long Timestamp, Activity? Activity);
}
