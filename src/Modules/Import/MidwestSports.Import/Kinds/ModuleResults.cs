using System.Text.Json;
using MidwestSports.Import.Domain;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Import.Kinds;

/// <summary>
/// The two translations every kind makes between its module's import commands and the import's own records: a command's
/// results (in the order of the writes) become applied rows, the record before an update kept as JSON of the module's
/// Contracts shape; and applied rows become the module's undo items, that record read back.
/// </summary>
internal static class ModuleResults
{
    public static IReadOnlyList<AppliedRow> Applied<TResult, TBefore>(
        IReadOnlyList<PlannedWrite> writes, IReadOnlyList<TResult> results, Func<PlannedWrite, TResult, (Guid Id, long Version, string Name, TBefore? Before)> read)
        where TBefore : class =>
        [.. writes.Zip(results, (w, r) =>
        {
            var (id, version, name, before) = read(w, r);
            return new AppliedRow(w.RowId, w.Line, id, version, name, before is null ? null : JsonSerializer.Serialize(before, ImportBatch.Json));
        })];

    public static IReadOnlyList<ImportUndoItem<TBefore>> UndoItems<TBefore>(IReadOnlyList<AppliedRow> applied)
        where TBefore : class =>
        [.. applied.Select(a => new ImportUndoItem<TBefore>(a.Id, a.Version, a.Before is null ? null : JsonSerializer.Deserialize<TBefore>(a.Before, ImportBatch.Json)))];
}
