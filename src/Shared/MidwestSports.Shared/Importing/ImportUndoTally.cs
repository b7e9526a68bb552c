using MidwestSports.Shared.Contracts;

namespace MidwestSports.Shared.Importing;

/// <summary>
/// What a module's undo of an import did, counted as it goes, with the reasons every module gives worded once: a record
/// that is gone (or no longer in the caller's cities) or at another version than the import left it at was touched
/// since, and is left alone.
/// </summary>
public sealed class ImportUndoTally
{
    public const string Gone = "It was deleted since the import, or is no longer in your cities.";

    public const string Changed = "It was changed since the import.";

    private readonly List<ImportUndoLeftAlone> leftAlone = [];

    private int removed;

    private int restored;

    public ImportUndoReport Report => new(removed, restored, leftAlone);

    public void CountRemoved() => removed++;

    public void CountRestored() => restored++;

    public void LeaveAlone(Guid id, string name, string reason) => leftAlone.Add(new(id, name, reason));

    /// <summary>Leaves the item's record alone as touched since: gone when <paramref name="currentName"/> is null (not found), else changed.</summary>
    public void LeaveAloneTouched<TBefore>(ImportUndoItem<TBefore> item, string? currentName, Func<TBefore, string> nameBefore)
        where TBefore : class =>
        leftAlone.Add(currentName is null ? new(item.Id, item.Before is null ? string.Empty : nameBefore(item.Before), Gone) : new(item.Id, currentName, Changed));
}
