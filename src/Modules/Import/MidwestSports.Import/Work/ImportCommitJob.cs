using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Work;

/// <summary>
/// Applies a checked plan: the writes the commit request stored are read back a page at a time and streamed to each
/// kind's module (one transaction there, with its outbox), in the order kinds depend on each other; what each row did
/// is recorded as it comes (for the undo), and the import marked Committed, audited once with its counts. Nothing
/// holds the whole file's writes or results. A module refusing the first kind (someone changed the data after the
/// check) leaves nothing applied: the import is Ready again with the reason. In a workbook, a later kind refused leaves
/// the earlier ones applied and recorded, so the undo can take them back. A kind that fails unexpectedly (a database
/// error: logged) is treated the same way, never reported as "nothing saved" after an earlier kind's module committed.
/// </summary>
internal sealed partial class ImportCommitJob(ImportDbContext db, ImportKinds kinds, ImportProgress progress, CurrentScope current, TimeProvider time, ILogger<ImportCommitJob> logger)
{
    /// <summary>What rows did is recorded, and progress reported, every this many rows.</summary>
    private const int RecordEvery = 1_000;

    private const string KindSavepoint = "kind";

    public async Task RunAsync(CommitWork work, CancellationToken ct)
    {
        var (created, updated, done) = (0, 0, 0);
        string? stoppedBecause = null;
        string? refused = null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var reports = progress.For(work.ImportId, ct))
        await using (var writer = new ImportRowWriter(db))
        {
            await writer.BeginAppliedAsync(ct);
            foreach (var (kind, _) in work.Kinds.OrderBy(k => k.Kind))
            {
                var importKind = kinds.Of(kind);
                var counted = new ActionCount();
                // Set while this job records what the module did: a failure then is the import's own, not the kind's.
                var recording = false;
                await transaction.CreateSavepointAsync(KindSavepoint, ct);
                try
                {
                    var store = new ImportWriteStore(db);
                    var applied = new List<AppliedRow>(RecordEvery);
                    await foreach (var row in importKind.ApplyAsync(work.ImportId, counted.Of(store.ReadAsync(work.ImportId, kind, importKind.WriteType, ct)), ct))
                    {
                        applied.Add(row);
                        if (applied.Count == RecordEvery)
                        {
                            recording = true;
                            await writer.AddAppliedAsync(applied, ct);
                            recording = false;
                            applied.Clear();
                            reports.Report(done + counted.All);
                        }
                    }

                    // The module's stream has ended: its transaction has committed. A failure from here on must not be
                    // told as "not imported"; it goes to the worker, whose message says part may be applied.
                    recording = true;
                    await writer.AddAppliedAsync(applied, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && !recording)
                {
                    // The kind's module rolled its own transaction back; what earlier kinds' modules committed stays.
                    await transaction.RollbackToSavepointAsync(KindSavepoint, ct);
                    var reason = ex switch
                    {
                        ValidationException v => string.Join(" ", v.Errors.Select(e => e.ErrorMessage)),
                        DomainException => ex.Message,
                        _ => $"an unexpected error stopped the {kind.ToString().ToLowerInvariant()} (it was logged).",
                    };
                    if (ex is not (DomainException or ValidationException))
                    {
                        LogKindFailed(logger, kind.ToString(), work.ImportId, ex);
                    }

                    if (done == 0)
                    {
                        refused = $"Nothing was imported: {reason}";
                        break;
                    }

                    stoppedBecause = $"The {kind.ToString().ToLowerInvariant()} were not imported: {reason} What was imported before them is kept; undo the import to take it back.";
                    break;
                }

                created += counted.Creates;
                updated += counted.Updates;
                done += counted.All;
                reports.Report(done);
            }

            if (refused is null)
            {
                await writer.SaveAppliedAsync(work.ImportId, ct);
            }
        }

        if (refused is not null)
        {
            await transaction.RollbackAsync(ct);
            await progress.SetStatusAsync(work.ImportId, ImportStatus.Ready, refused, ct, done: 0);
            return;
        }

        var batch = await db.Imports.SingleAsync(i => i.Id == work.ImportId, ct);
        batch.Status = ImportStatus.Committed;
        batch.CommitMode = work.Mode;
        batch.CommittedAt = time.GetUtcNow();
        batch.Message = stoppedBecause;
        batch.ProgressDone = batch.ProgressTotal;
        batch.SetOutcome(new ImportOutcomeDto(created, updated, work.Skipped, 0, 0, []));
        current.AuditReason = $"import {batch.Id}: {created} created, {updated} updated, {batch.Unchanged} unchanged, {work.Skipped} skipped";
        await new ImportWriteStore(db).ClearAsync(work.ImportId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        current.AuditReason = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} of import {ImportId} failed to apply")]
    private static partial void LogKindFailed(ILogger logger, string kind, Guid importId, Exception exception);

    /// <summary>Counts the writes a kind's module has read, by action: what it applied, once its transaction committed.</summary>
    private sealed class ActionCount
    {
        public int Creates { get; private set; }

        public int Updates { get; private set; }

        public int All => Creates + Updates;

        public async IAsyncEnumerable<PlannedWrite> Of(IAsyncEnumerable<PlannedWrite> writes)
        {
            await foreach (var write in writes)
            {
                if (write.Action == RowAction.Create)
                {
                    Creates++;
                }
                else
                {
                    Updates++;
                }

                yield return write;
            }
        }
    }
}
