using System.Text.Json;
using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Teams;

/// <summary>Teams: planned against Leagues, Sponsors and Teams (their directories), applied and undone by the Teams module's import commands.</summary>
internal sealed class TeamsKind(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, ISender sender) : IImportKind
{
    public ImportKind Kind => ImportKind.Teams;

    public async Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct) =>
        new TeamRowPlanner(await TeamReferences.LoadAsync(leagues, sponsors, teams, context.InFile, ct), context.Scope, context.CityId, context.Headers, context.Suggest);

    public async Task<IReadOnlyList<AppliedRow>> ApplyAsync(Guid importId, IReadOnlyList<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.Of(writes, await sender.Send(new ImportTeams(importId, [.. writes.Select(w => (TeamImportRow)w.Write)]), ct),
            (w, r) => (r.TeamId, r.Version, ((TeamImportRow)w.Write).Fields.Name, r.Before));

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoTeamImport(importId, AppliedRows.UndoItems<TeamDto>(applied)), ct);
}
