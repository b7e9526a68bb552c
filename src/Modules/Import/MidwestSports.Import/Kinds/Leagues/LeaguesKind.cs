using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Import.Kinds.Leagues;

/// <summary>Leagues: planned against the Leagues module's leagues and cities, applied and undone by its import commands.</summary>
internal sealed class LeaguesKind(ILeagueDirectory leagues, ICityDirectory cities, ISender sender) : IImportKind
{
    public ImportKind Kind => ImportKind.Leagues;

    public async Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct) =>
        new LeagueRowPlanner(await leagues.DetailsAsync(ct), await CityNames.LoadAsync(cities, context.Scope, ct), context);

    public async Task<IReadOnlyList<AppliedRow>> ApplyAsync(Guid importId, IReadOnlyList<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.Of(writes, await sender.Send(new ImportLeagues(importId, [.. writes.Select(w => (LeagueImportRow)w.Write)]), ct),
            (w, r) => (r.LeagueId, r.Version, ((LeagueImportRow)w.Write).Fields.Name, r.Before));

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoLeagueImport(importId, AppliedRows.UndoItems<LeagueDto>(applied)), ct);
}
