using System.Runtime.CompilerServices;
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

    public Type WriteType => typeof(TeamImportRow);

    /// <summary>Streamed both ways: the writes go to the Teams module a batch at a time and its results come back as each batch is written.</summary>
    public async IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, [EnumeratorCancellation] CancellationToken ct)
    {
        // The module answers row by row in the order it was given them; the writes are remembered until their answer comes.
        var sent = new Queue<PlannedWrite>();
        var rows = writes.Select(w =>
        {
            sent.Enqueue(w);
            return (TeamImportRow)w.Write;
        });
        await foreach (var result in sender.CreateStream(new ImportTeams(importId, rows), ct))
        {
            var write = sent.Dequeue();
            yield return AppliedRows.One(write, (result.TeamId, result.Version, ((TeamImportRow)write.Write).Fields.Name, result.Before));
        }
    }

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoTeamImport(importId, AppliedRows.UndoItems<TeamDto>(applied)), ct);
}
