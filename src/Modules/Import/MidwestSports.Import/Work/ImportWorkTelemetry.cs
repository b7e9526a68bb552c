using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Telemetry;
using Outcomes = MidwestSports.Shared.Telemetry.PlatformTelemetry.Outcomes;

namespace MidwestSports.Import.Work;

/// <summary>
/// A span and the midwest.import.* measurements around one piece of import work. The outcome is read from where the
/// work left its import (Ready after an analysis, Committed after a commit…), so the jobs themselves carry no telemetry.
/// </summary>
internal static class ImportWorkTelemetry
{
    public static async Task MeasureAsync(ImportWork item, IServiceScopeFactory scopes, Func<Task> work)
    {
        var name = item switch { AnalyzeWork => "analyze", CommitWork => "commit", _ => "undo" };
        var started = Stopwatch.GetTimestamp();
        using var span = PlatformTelemetry.Source.StartActivity($"import {name}");
        span?.SetTag("midwest.import.id", item.ImportId.ToString());
        try
        {
            await work();
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await RecordAsync(item, name, crashed: true, started, scopes);
            throw;
        }

        await RecordAsync(item, name, crashed: false, started, scopes);
    }

    private static async Task RecordAsync(ImportWork item, string name, bool crashed, long started, IServiceScopeFactory scopes)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var after = await scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.AsNoTracking()
                .Where(i => i.Id == item.ImportId)
                .Select(i => new { i.Kind, i.Status, i.Message, i.ProgressDone })
                .SingleOrDefaultAsync(CancellationToken.None);
            var outcome = crashed ? Outcomes.Failed : (item, after?.Status) switch
            {
                (AnalyzeWork, ImportStatus.Ready) => Outcomes.Succeeded,
                (CommitWork, ImportStatus.Committed) => after.Message is null ? Outcomes.Succeeded : Outcomes.Partial,
                (UndoWork, ImportStatus.Undone) => Outcomes.Succeeded,
                _ => Outcomes.Rejected,
            };
            PlatformTelemetry.ImportWorkFinished(name, after?.Kind.ToString().ToLowerInvariant() ?? "unknown", outcome, after?.ProgressDone ?? 0, elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Telemetry never fails the work it measures.
            PlatformTelemetry.ImportWorkFinished(name, "unknown", crashed ? Outcomes.Failed : Outcomes.Succeeded, 0, elapsed);
        }
    }
}
