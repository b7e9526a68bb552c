using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MidwestSports.Shared.Telemetry;

/// <summary>
/// The platform's own span source and instruments, named in one place. The Host exports them (OTLP, Prometheus);
/// docs/runbook.md lists each with the alert worth setting on it. Recording is free when nothing listens.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The name of the platform's Meter and ActivitySource.</summary>
    public const string Name = "MidwestSports";

    /// <summary>The span source of background work (jobs, sync runs, import work): their database calls become its children.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> TriviaSyncRuns = Meter.CreateCounter<long>(Instruments.TriviaSyncRuns, "{run}", "Trivia partner sync runs that ended, by outcome");

    private static readonly Histogram<double> TriviaSyncDuration = Meter.CreateHistogram<double>(Instruments.TriviaSyncDuration, "s", "How long a trivia sync run took, from its start to its end");

    private static readonly Counter<long> ImportRuns = Meter.CreateCounter<long>(Instruments.ImportRuns, "{run}", "Import work (analysis, commit, undo) that ended, by work, kind and outcome");

    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>(Instruments.ImportRows, "{row}", "Rows that import work went through");

    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>(Instruments.ImportDuration, "s", "How long a piece of import work took");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(Instruments.JobRuns, "{run}", "Hangfire job executions on this host, by job and outcome");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(Instruments.JobDuration, "s", "How long a Hangfire job execution took");

    public static void TriviaSyncFinished(string outcome, TimeSpan duration)
    {
        var tags = new TagList { { Tags.Outcome, outcome } };
        TriviaSyncRuns.Add(1, tags);
        TriviaSyncDuration.Record(duration.TotalSeconds, tags);
    }

    public static void ImportWorkFinished(string work, string kind, string outcome, int rows, TimeSpan duration)
    {
        var tags = new TagList { { Tags.Work, work }, { Tags.Kind, kind }, { Tags.Outcome, outcome } };
        ImportRuns.Add(1, tags);
        ImportRows.Add(rows, tags);
        ImportDuration.Record(duration.TotalSeconds, tags);
    }

    public static void JobFinished(string job, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { Tags.Job, job }, { Tags.Outcome, outcome } };
        JobRuns.Add(1, tags);
        JobDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Instrument names (OpenTelemetry style; Prometheus shows dots as underscores, adds the unit and <c>_total</c>).</summary>
    public static class Instruments
    {
        /// <summary>Outbox rows not yet published, per module (an observable gauge read from the outbox tables).</summary>
        public const string OutboxBacklog = "midwest.outbox.backlog";

        /// <summary>Age in seconds of the oldest unpublished outbox row, per module (0 when none).</summary>
        public const string OutboxOldestAge = "midwest.outbox.oldest_age";

        /// <summary>Unpublished outbox rows whose handler failed at least once, per module.</summary>
        public const string OutboxFailing = "midwest.outbox.failing";

        public const string TriviaSyncRuns = "midwest.trivia.sync.runs";

        public const string TriviaSyncDuration = "midwest.trivia.sync.duration";

        public const string ImportRuns = "midwest.import.runs";

        public const string ImportRows = "midwest.import.rows";

        public const string ImportDuration = "midwest.import.duration";

        public const string JobRuns = "midwest.jobs.runs";

        public const string JobDuration = "midwest.jobs.duration";
    }

    /// <summary>Tag (label) names of the platform's instruments.</summary>
    public static class Tags
    {
        public const string Module = "module";

        public const string Outcome = "outcome";

        public const string Work = "work";

        public const string Kind = "kind";

        public const string Job = "job";
    }

    /// <summary>Outcome values: what an operator alerts on.</summary>
    public static class Outcomes
    {
        public const string Succeeded = "succeeded";

        /// <summary>Ended as designed but did not do its work: an unreadable file, a refused commit, a lock held elsewhere.</summary>
        public const string Rejected = "rejected";

        /// <summary>Part of the work was applied (a workbook's later sheet refused).</summary>
        public const string Partial = "partial";

        /// <summary>Failed: an error, a partner that did not answer, a crash.</summary>
        public const string Failed = "failed";
    }
}
