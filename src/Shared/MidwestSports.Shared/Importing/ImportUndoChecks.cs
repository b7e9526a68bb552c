using MidwestSports.Shared.Contracts;

namespace MidwestSports.Shared.Importing;

/// <summary>
/// What every module's undo of an import says first, worded once: a record that is gone (or no longer in the caller's
/// cities) or at another version than the import left it at was touched since, and is left alone.
/// </summary>
public static class ImportUndoChecks
{
    public const string Gone = "It was deleted since the import, or is no longer in your cities.";

    public const string Changed = "It was changed since the import.";

    /// <summary>The entry of a record left alone: gone when the caller cannot find it (<paramref name="currentName"/> null), else changed since.</summary>
    public static ImportUndoLeftAlone LeftAlone<TBefore>(ImportUndoItem<TBefore> item, string? currentName, Func<TBefore, string> nameBefore)
        where TBefore : class =>
        currentName is null ? new(item.Id, item.Before is null ? string.Empty : nameBefore(item.Before), Gone) : new(item.Id, currentName, Changed);
}
