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

    public Type WriteType => typeof(LeagueImportRow);

    public IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.AllAtOnce(
            writes,
            async all => await sender.Send(new ImportLeagues(importId, [.. all.Select(w => (LeagueImportRow)w.Write)]), ct),
            (w, r) => (r.LeagueId, r.Version, ((LeagueImportRow)w.Write).Fields.Name, r.Before),
            ct);

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoLeagueImport(importId, AppliedRows.UndoItems<LeagueDto>(applied)), ct);
}
