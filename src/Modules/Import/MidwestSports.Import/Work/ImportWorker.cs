using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Work;

/// <summary>
/// Runs the queued import work, each item in its own DI scope acting as the admin who asked. Work that crashes marks
/// its import Failed with the reason, so no import waits forever.
/// </summary>
internal sealed partial class ImportWorker(ImportQueue queue, ImportProgress progress, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sweep = new PeriodicTimer(configuration.GetValue("Import:SweepInterval", TimeSpan.FromMinutes(1)));
        var sweeping = SweepAsync(sweep, stoppingToken);
        await foreach (var item in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (!await progress.StartAsync(item, stoppingToken))
                {
                    LogWorkSkipped(logger, item.GetType().Name, item.ImportId);
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = item.Scope;
                var services = scope.ServiceProvider;
                await ImportWorkTelemetry.MeasureAsync(item, scopes, () => item switch
                {
                    AnalyzeWork analyze => services.GetRequiredService<ImportAnalysisJob>().RunAsync(analyze, stoppingToken),
                    CommitWork commit => services.GetRequiredService<ImportCommitJob>().RunAsync(commit, stoppingToken),
                    UndoWork undo => services.GetRequiredService<ImportUndoJob>().RunAsync(undo, stoppingToken),
                    _ => Task.CompletedTask,
                });
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogWorkCrashed(logger, item.GetType().Name, item.ImportId, ex);
                await MarkFailedAsync(item, stoppingToken);
            }
        }

        try
        {
            await sweeping;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Every <c>Import:SweepInterval</c> (default 1 min, and at start), fails imports whose work shows no sign of life for <c>Import:StallAfter</c> (default 15 min).</summary>
    private async Task SweepAsync(PeriodicTimer timer, CancellationToken ct)
    {
        var stallAfter = configuration.GetValue("Import:StallAfter", TimeSpan.FromMinutes(15));
        do
        {
            try
            {
                if (await progress.FailStalledAsync(stallAfter, ct) is > 0 and var failed)
                {
                    LogStalled(logger, failed, stallAfter);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task MarkFailedAsync(ImportWork item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImportDbContext>();
        var message = item switch
        {
            AnalyzeWork => "The analysis failed unexpectedly (the error was logged). Change the mapping to analyse again, or upload the file again.",
            CommitWork => "The commit failed unexpectedly (the error was logged). Commit again: if part of it was applied meanwhile, the commit lists those rows as changed since the preview, and uploading the file again imports the rest.",
            _ => "The undo failed unexpectedly (the error was logged); a workbook's kinds undone before the failure stay undone. Undo again.",
        };
        var status = item is UndoWork ? ImportStatus.Committed : item is CommitWork ? ImportStatus.Ready : ImportStatus.Failed;
        await db.Imports.Where(i => i.Id == item.ImportId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status).SetProperty(i => i.Message, message), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} import(s) showed no progress for {StallAfter} and were failed")]
    private static partial void LogStalled(ILogger logger, int count, TimeSpan stallAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of stalled imports failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import work {Work} for import {ImportId} skipped: the import no longer waits for it")]
    private static partial void LogWorkSkipped(ILogger logger, string work, Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import work {Work} for import {ImportId} crashed")]
    private static partial void LogWorkCrashed(ILogger logger, string work, Guid importId, Exception exception);
}
