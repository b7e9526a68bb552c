using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Work;

/// <summary>
/// Applies a checked plan: each kind's writes through its module (one transaction there, with its outbox), in the order
/// kinds depend on each other; then records what each row did (for the undo) and marks the import Committed, audited
/// once with its counts. A module refusing the first kind (someone changed the data after the check) leaves nothing
/// applied: the import is Ready again with the reason. In a workbook, a later kind refused leaves the earlier ones
/// applied and recorded, so the undo can take them back.
/// </summary>
internal sealed class ImportCommitJob(ImportDbContext db, ImportKinds kinds, ImportProgress progress, CurrentScope current, TimeProvider time)
{
    public async Task RunAsync(CommitWork work, CancellationToken ct)
    {
        var applied = new List<AppliedRow>();
        var (created, updated, done) = (0, 0, 0);
        string? stoppedBecause = null;
        foreach (var (kind, writes) in work.Writes.OrderBy(w => w.Kind))
        {
            try
            {
                applied.AddRange(await kinds.Of(kind).ApplyAsync(work.ImportId, writes, ct));
            }
            catch (Exception ex) when (ex is DomainException or ValidationException)
            {
                var reason = ex is ValidationException v ? string.Join(" ", v.Errors.Select(e => e.ErrorMessage)) : ex.Message;
                if (applied.Count == 0)
                {
                    await progress.SetStatusAsync(work.ImportId, ImportStatus.Ready, $"Nothing was imported: {reason}", ct, done: 0);
                    return;
                }

                stoppedBecause = $"The {kind.ToString().ToLowerInvariant()} were not imported: {reason} What was imported before them is kept; undo the import to take it back.";
                break;
            }

            created += writes.Count(w => w.Action == RowAction.Create);
            updated += writes.Count(w => w.Action == RowAction.Update);
            done += writes.Count;
            await progress.ReportAsync(work.ImportId, done, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var writer = new ImportRowWriter(db))
        {
            await writer.SaveAppliedAsync(work.ImportId, applied, ct);
        }

        var batch = await db.Imports.SingleAsync(i => i.Id == work.ImportId, ct);
        batch.Status = ImportStatus.Committed;
        batch.CommitMode = work.Mode;
        batch.CommittedAt = time.GetUtcNow();
        batch.Message = stoppedBecause;
        batch.ProgressDone = batch.ProgressTotal;
        batch.SetOutcome(new ImportOutcomeDto(created, updated, work.Skipped, 0, 0, []));
        current.AuditReason = $"import {batch.Id}: {created} created, {updated} updated, {batch.Unchanged} unchanged, {work.Skipped} skipped";
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        current.AuditReason = null;
    }
}
