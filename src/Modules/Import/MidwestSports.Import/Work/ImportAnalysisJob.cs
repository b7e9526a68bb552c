using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Work;

/// <summary>
/// The analysis: plans every row of the stored file with the stored mapping and the admin's decisions, and replaces the
/// import's rows with the new plan in one transaction (COPY; nothing is held as the whole file's objects). Progress is
/// reported as the rows go (<see cref="ProgressReports"/>: the job never waits for it). A file that can no longer be read this way fails the import with why.
/// </summary>
internal sealed class ImportAnalysisJob(ImportDbContext db, ImportPlanning planning, ImportProgress progress)
{
    public async Task RunAsync(AnalyzeWork work, CancellationToken ct)
    {
        var batch = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == work.ImportId, ct);
        await using var file = await ImportFileCopy.OfStoredAsync(db, batch.Id, ct);
        var choices = await StoredChoicesAsync(db, batch.Id, ct);
        try
        {
            var parts = ImportParts.Open(batch.Kind, file.Source, batch.FileName, batch.Sheet, batch.EncodingOverride, batch.ReadParts());
            batch.ResetCounts();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Rows.Where(r => r.ImportId == batch.Id).ExecuteDeleteAsync(ct);
            await using (var reports = progress.For(batch.Id, ct))
            await using (var writer = new ImportRowWriter(db))
            {
                await foreach (var row in planning.PlanAsync(batch.Id, work.Scope, batch.CityId, parts, choices, suggest: true, ct))
                {
                    batch.Count(row.Plan.Action);
                    await writer.WriteAsync(batch.Id, row, ct);
                    reports.Report(batch.RowCount);
                }

                await writer.CompleteAsync(ct);
            }

            await db.Imports.Where(i => i.Id == batch.Id).ExecuteUpdateAsync(
                u => u.SetProperty(i => i.Status, ImportStatus.Ready).SetProperty(i => i.Message, (string?)null)
                    .SetProperty(i => i.RowCount, batch.RowCount).SetProperty(i => i.Creates, batch.Creates).SetProperty(i => i.Updates, batch.Updates)
                    .SetProperty(i => i.Unchanged, batch.Unchanged).SetProperty(i => i.Errors, batch.Errors)
                    .SetProperty(i => i.ProgressDone, batch.RowCount).SetProperty(i => i.ProgressTotal, batch.RowCount),
                ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is UnreadableFileException or TooManyRowsException or ValidationException)
        {
            await progress.SetStatusAsync(batch.Id, ImportStatus.Failed, ex is ValidationException v ? string.Join(" ", v.Errors.Select(e => e.ErrorMessage)) : ex.Message, ct);
        }
    }

    /// <summary>The admin's decisions about suggestions, by row id: kept across analyses of the same rows.</summary>
    public static async Task<IReadOnlyDictionary<int, RowChoice>> StoredChoicesAsync(ImportDbContext db, Guid importId, CancellationToken ct) =>
        await db.Rows.AsNoTracking().Where(r => r.ImportId == importId && r.Decision != null)
            .Select(r => new { r.RowId, r.Decision, r.DecidedTargetId })
            .ToDictionaryAsync(r => r.RowId, r => new RowChoice(r.Decision!.Value, r.DecidedTargetId), ct);
}
