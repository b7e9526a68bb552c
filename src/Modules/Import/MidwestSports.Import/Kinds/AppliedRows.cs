using System.Text.Json;
using MidwestSports.Import.Domain;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Import.Kinds;

/// <summary>
/// The two translations every kind makes around its module's import commands: the module's per-row results into the
/// rows the import records (the record before an update kept as JSON of the module's Contracts shape), and those rows
/// back into the module's undo items.
/// </summary>
internal static class AppliedRows
{
    public static IReadOnlyList<AppliedRow> Of<TResult>(
        IReadOnlyList<PlannedWrite> writes, IReadOnlyList<TResult> results, Func<PlannedWrite, TResult, (Guid Id, long Version, string Name, object? Before)> applied) =>
        [.. writes.Zip(results, (w, r) =>
        {
            var (id, version, name, before) = applied(w, r);
            return new AppliedRow(w.RowId, w.Line, id, version, name, before is null ? null : JsonSerializer.Serialize(before, before.GetType(), ImportBatch.Json));
        })];

    public static IReadOnlyList<ImportUndoItem<TBefore>> UndoItems<TBefore>(IReadOnlyList<AppliedRow> applied)
        where TBefore : class =>
        [.. applied.Select(a => new ImportUndoItem<TBefore>(a.Id, a.Version, Read<TBefore>(a)))];

    /// <summary>What a kind kept of the row when it was applied (null: the row created its record).</summary>
    public static T? Read<T>(AppliedRow applied)
        where T : class => applied.Before is null ? null : JsonSerializer.Deserialize<T>(applied.Before, ImportBatch.Json);
}
