using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Import.Kinds.Sponsors;

/// <summary>Sponsors: planned against the Sponsors module's sponsors and the Leagues module's cities, applied and undone by the Sponsors module's import commands.</summary>
internal sealed class SponsorsKind(ISponsorDirectory sponsors, ICityDirectory cities, ISender sender) : IImportKind
{
    public ImportKind Kind => ImportKind.Sponsors;

    public async Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct) =>
        new SponsorRowPlanner(await sponsors.DetailsAsync(ct), await CityNames.LoadAsync(cities, context.Scope, ct), context);

    public Type WriteType => typeof(SponsorImportRow);

    public IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.AllAtOnce(
            writes,
            async all => await sender.Send(new ImportSponsors(importId, [.. all.Select(w => (SponsorImportRow)w.Write)]), ct),
            (w, r) => (r.SponsorId, r.Version, ((SponsorImportRow)w.Write).Fields.Name, r.Before),
            ct);

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoSponsorImport(importId, AppliedRows.UndoItems<SponsorDto>(applied)), ct);
}
