using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Import.Kinds;

/// <summary>
/// One kind of import (teams, sponsors...): how its rows are planned against the owning module's data, and how a plan
/// is applied and undone, always through that module's Contracts (one command, one transaction of that module, with
/// its outbox). Every implementation in this assembly is registered; <see cref="ImportKinds"/> finds it by kind.
/// </summary>
internal interface IImportKind
{
    ImportKind Kind { get; }

    /// <summary>The type of this kind's writes (<see cref="RowPlan.Write"/>), as stored between the commit request and the job.</summary>
    Type WriteType { get; }

    /// <summary>
    /// Asks the owning modules once for what this kind's rows refer to, and returns a planner for one pass over the
    /// rows (an analysis, or the re-check at commit). The planner remembers the rows it has seen (duplicates in the file).
    /// </summary>
    Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct);

    /// <summary>
    /// Applies the rows' writes (each a <see cref="RowPlan.Write"/> of this kind) in one transaction of the owning module,
    /// returning what each did as it goes; the module's transaction commits when the results have all been read, and a
    /// broken rule (a <c>DomainException</c> or <c>ValidationException</c> while reading them) leaves nothing applied.
    /// </summary>
    IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, CancellationToken ct);

    /// <summary>Removes what the import created and restores what it updated, leaving alone what changed since; one transaction.</summary>
    Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct);
}

/// <summary>Plans one row at a time; <paramref name="choice"/> is the admin's decision about the row's suggestions, if any.</summary>
internal interface IRowPlanner
{
    ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct);
}

/// <summary>
/// What a planning pass knows: who acts (rows outside their cities are errors), the import's city (rows without a City
/// column belong to it), the file's columns as mapped, and, in a workbook, what earlier sheets create.
/// <see cref="Suggest"/> is false for the commit's re-check: it compares what a row does (action, record, version read,
/// changes), never its suggestions, so near matches (the costliest part of planning a new row) are not looked for.
/// </summary>
internal sealed record PlanningContext(Guid ImportId, CityScope Scope, Guid? CityId, ColumnHeaders Headers, InFileRecords InFile, bool Suggest = true);

/// <summary>The admin's decision about a row's suggested matches: accept one (<see cref="TargetId"/>) or reject them all.</summary>
internal sealed record RowChoice(SuggestionDecision Decision, Guid? TargetId);

/// <summary>A planned row as stored: its id in the import, the kind and sheet it was read as, the plan and the decision it was planned with.</summary>
internal sealed record PlannedRow(int RowId, ImportKind Kind, string? Sheet, RowPlan Plan, RowChoice? Choice);

/// <summary>A create or update to apply: the row and its write in the owning module's terms.</summary>
internal sealed record PlannedWrite(int RowId, int Line, RowAction Action, object Write);

/// <summary>
/// What applying one row did: the record created or updated, its version afterwards, its name (for messages), and for an
/// update the record before (JSON of the module's Contracts shape) so an undo can restore it.
/// </summary>
internal sealed record AppliedRow(int RowId, int Line, Guid Id, long Version, string Name, string? Before);
