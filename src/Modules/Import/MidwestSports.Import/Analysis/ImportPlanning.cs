using System.Runtime.CompilerServices;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Planning;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Analysis;

/// <summary>
/// Plans every row of an import's parts, in the order kinds are applied (a workbook's leagues before its teams), rows
/// numbered from 1 across the parts. The same pass serves the analysis (stored as the preview) and the commit (compared
/// with the preview, then applied), so the two cannot plan differently. The commit plans without near-match suggestions
/// (<paramref name="suggest"/> false): they never change what a row does.
/// </summary>
internal sealed class ImportPlanning(ImportKinds kinds)
{
    public async IAsyncEnumerable<PlannedRow> PlanAsync(
        Guid importId, CityScope scope, Guid? cityId, IReadOnlyList<ImportPart> parts, IReadOnlyDictionary<int, RowChoice> choices,
        bool suggest, [EnumeratorCancellation] CancellationToken ct)
    {
        var inFile = new InFileRecords();
        var rowId = 0;
        foreach (var part in parts.OrderBy(p => p.Kind))
        {
            var planner = await kinds.Of(part.Kind).PlannerAsync(
                new PlanningContext(importId, scope, cityId, new ColumnHeaders(part.Kind, part.Table.Columns), inFile, suggest), ct);
            foreach (var row in part.Table.Rows())
            {
                rowId++;
                var choice = choices.GetValueOrDefault(rowId);
                yield return new PlannedRow(rowId, part.Kind, part.Sheet, await planner.PlanAsync(row, choice, ct), choice);
            }
        }
    }
}
