using System.Runtime.CompilerServices;
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
        [.. writes.Zip(results, (w, r) => One(w, applied(w, r)))];

    /// <summary>What one write did, as the import records it.</summary>
    public static AppliedRow One(PlannedWrite write, (Guid Id, long Version, string Name, object? Before) applied) =>
        new(write.RowId, write.Line, applied.Id, applied.Version, applied.Name,
            applied.Before is null ? null : JsonSerializer.Serialize(applied.Before, applied.Before.GetType(), ImportBatch.Json));

    /// <summary>
    /// For a module whose import command takes its rows as one list (kinds with few rows per file): gathers the writes,
    /// sends them once, and returns what each did.
    /// </summary>
    public static async IAsyncEnumerable<AppliedRow> AllAtOnce<TResult>(
        IAsyncEnumerable<PlannedWrite> writes,
        Func<IReadOnlyList<PlannedWrite>, Task<IReadOnlyList<TResult>>> send,
        Func<PlannedWrite, TResult, (Guid Id, long Version, string Name, object? Before)> applied,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var all = await writes.ToListAsync(ct);
        foreach (var row in Of(all, await send(all), applied))
        {
            yield return row;
        }
    }

    public static IReadOnlyList<ImportUndoItem<TBefore>> UndoItems<TBefore>(IReadOnlyList<AppliedRow> applied)
        where TBefore : class =>
        [.. applied.Select(a => new ImportUndoItem<TBefore>(a.Id, a.Version, Read<TBefore>(a)))];

    /// <summary>What a kind kept of the row when it was applied (null: the row created its record).</summary>
    public static T? Read<T>(AppliedRow applied)
        where T : class => applied.Before is null ? null : JsonSerializer.Deserialize<T>(applied.Before, ImportBatch.Json);
}
