using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;

namespace MidwestSports.Import.Work;

/// <summary>
/// Reports how far a job is (rows done of total) on a connection of its own, so the admin's progress bar moves while
/// the job's own transaction is still open. Status changes made here are not audited: only a commit and an undo are.
/// </summary>
internal sealed class ImportProgress(IServiceScopeFactory scopes)
{
    /// <summary>Reports for one job that it never waits for (<see cref="ProgressReports"/>).</summary>
    public ProgressReports For(Guid importId, CancellationToken ct) => new(this, importId, ct);

    public async Task ReportAsync(Guid importId, int done, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.Where(i => i.Id == importId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ProgressDone, done).SetProperty(i => i.HeartbeatAt, DateTimeOffset.UtcNow), ct);
    }

    /// <summary>
    /// Whether the import is still waiting for this work (a stalled import may have been failed meanwhile): if so, its
    /// heartbeat is refreshed, as work starting on it.
    /// </summary>
    public async Task<bool> StartAsync(ImportWork work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.Where(i => i.Id == work.ImportId);
        imports = work switch
        {
            AnalyzeWork => imports.Where(i => i.Status == ImportStatus.Analyzing),
            CommitWork => imports.Where(i => i.Status == ImportStatus.Committing),
            _ => imports.Where(i => i.Status == ImportStatus.Committed && i.Message == Features.UndoImportHandler.UndoingMessage),
        };
        return await imports.ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAt, DateTimeOffset.UtcNow), ct) > 0;
    }

    /// <summary>
    /// Fails work that has shown no sign of life for <paramref name="stallAfter"/> (its host stopped, or it was lost):
    /// an analysis can be run again by applying the mapping; a commit's outcome is unknown, and previewing the same file
    /// again shows what was applied (those rows are unchanged); an undo can be asked again. Returns how many it failed.
    /// </summary>
    public async Task<int> FailStalledAsync(TimeSpan stallAfter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports;
        var before = DateTimeOffset.UtcNow - stallAfter;
        var failed = await imports.Where(i => i.Status == ImportStatus.Analyzing && i.HeartbeatAt < before).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Status, ImportStatus.Failed)
                .SetProperty(i => i.Message, "The analysis stopped before it finished (the app restarted?): apply the mapping to analyse again, or upload the file again."), ct);
        failed += await imports.Where(i => i.Status == ImportStatus.Committing && i.HeartbeatAt < before).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Status, ImportStatus.Failed)
                .SetProperty(i => i.Message, "The commit stopped before it finished (the app restarted?): upload the same file again; rows it already applied preview as unchanged."), ct);
        failed += await imports.Where(i => i.Status == ImportStatus.Committed && i.Message == Features.UndoImportHandler.UndoingMessage && i.HeartbeatAt < before).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Message, "The undo stopped before it finished (the app restarted?): undo again."), ct);
        return failed;
    }

    /// <summary>Sets the status and message (and the progress to <paramref name="done"/> when given) without touching the rest.</summary>
    public async Task SetStatusAsync(Guid importId, ImportStatus status, string? message, CancellationToken ct, int? done = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.Where(i => i.Id == importId);
        if (done is { } d)
        {
            await imports.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status).SetProperty(i => i.Message, message).SetProperty(i => i.ProgressDone, d), ct);
        }
        else
        {
            await imports.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status).SetProperty(i => i.Message, message), ct);
        }
    }
}
