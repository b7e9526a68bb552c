using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Import.Work;

/// <summary>
/// Takes a committed import back, kinds in the reverse of the order they were applied (a workbook's games before its
/// teams): each module removes what the import created and restores what it updated, leaving alone what someone changed
/// since, in one transaction of its own. The import is then Undone, with what was reverted and left alone; audited once.
/// </summary>
internal sealed class ImportUndoJob(ImportDbContext db, ImportKinds kinds, CurrentScope current, TimeProvider time)
{
    public async Task RunAsync(UndoWork work, CancellationToken ct)
    {
        var rows = await db.Rows.AsNoTracking()
            .Where(r => r.ImportId == work.ImportId && r.AppliedId != null)
            .OrderBy(r => r.RowId)
            .Select(r => new { r.Kind, Row = new AppliedRow(r.RowId, r.Line, r.AppliedId!.Value, r.AppliedVersion ?? 0, string.Empty, r.Before) })
            .ToListAsync(ct);
        var (removed, restored) = (0, 0);
        var leftAlone = new List<LeftAloneDto>();
        foreach (var kind in rows.GroupBy(r => r.Kind).OrderByDescending(g => g.Key))
        {
            var applied = kind.Select(r => r.Row).ToList();
            var report = await kinds.Of(kind.Key).UndoAsync(work.ImportId, applied, ct);
            removed += report.Removed;
            restored += report.Restored;
            var byId = applied.ToDictionary(a => a.Id);
            leftAlone.AddRange(report.LeftAlone.Select(l => byId.TryGetValue(l.Id, out var a)
                ? new LeftAloneDto(a.RowId, a.Line, l.Id, l.Name, l.Reason)
                : new LeftAloneDto(0, 0, l.Id, l.Name, l.Reason)));
        }

        var batch = await db.Imports.SingleAsync(i => i.Id == work.ImportId, ct);
        var outcome = batch.ReadOutcome() ?? new ImportOutcomeDto(0, 0, 0, 0, 0, []);
        batch.SetOutcome(outcome with { Removed = removed, Restored = restored, LeftAlone = leftAlone });
        batch.Status = ImportStatus.Undone;
        batch.UndoneAt = time.GetUtcNow();
        batch.Message = leftAlone.Count == 0 ? null : $"{leftAlone.Count} record(s) were changed since the import and were left alone.";
        current.AuditReason = $"undo of import {batch.Id}: {removed} removed, {restored} restored, {leftAlone.Count} left alone";
        await db.SaveChangesAsync(ct);
        current.AuditReason = null;
    }
}
