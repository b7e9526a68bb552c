namespace MidwestSports.Shared.Contracts;

/// <summary>
/// What undoing an import did in one module: records it had created and removed, records it had updated and restored,
/// and those it left alone because someone changed them since the import (each with why). Every module's undo
/// command answers with it.
/// </summary>
public sealed record ImportUndoReport(int Removed, int Restored, IReadOnlyList<ImportUndoLeftAlone> LeftAlone)
{
    public static ImportUndoReport Empty { get; } = new(0, 0, []);
}

/// <summary>A record an undo did not touch: its id, its name, and why (changed since the import, or now in use).</summary>
public sealed record ImportUndoLeftAlone(Guid Id, string Name, string Reason);

/// <summary>
/// One record an import created or updated, as an undo receives it back: the id, the version the import left it at
/// (anything else means someone changed it since), and for an update the record before the import (null: it was created).
/// </summary>
public sealed record ImportUndoItem<TBefore>(Guid Id, long Version, TBefore? Before)
    where TBefore : class;
