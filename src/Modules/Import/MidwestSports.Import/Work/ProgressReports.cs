using System.Diagnostics;

namespace MidwestSports.Import.Work;

/// <summary>
/// One job's progress reports: the job never waits for one. A report is sent only when the previous one has finished
/// and at least <see cref="Interval"/> has passed, on its own connection (<see cref="ImportProgress.ReportAsync"/>), while
/// the job goes on planning or applying rows. A 100,000-row analysis used to wait for a hundred of them, each a scope, a
/// connection and an UPDATE. Progress is best effort: a report that fails is dropped (the next one says the same, later);
/// the heartbeat it carries is refreshed at least as often as before.
/// </summary>
internal sealed class ProgressReports(ImportProgress progress, Guid importId, CancellationToken ct) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch since = Stopwatch.StartNew();

    private Task pending = Task.CompletedTask;

    public void Report(int done)
    {
        if (!pending.IsCompleted || since.Elapsed < Interval)
        {
            return;
        }

        since.Restart();
        pending = SendAsync(done);
    }

    /// <summary>Waits for the report in flight, so nothing writes the import's row after the job's own last word.</summary>
    public async ValueTask DisposeAsync() => await pending;

    private async Task SendAsync(int done)
    {
        try
        {
            await progress.ReportAsync(importId, done, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Dropped: the next report, or the job's end, says where it is.
        }
    }
}
