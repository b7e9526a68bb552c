using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Players;

/// <summary>Players (teams' rosters): planned against Leagues and Teams, applied and undone by the Teams module's roster import commands.</summary>
internal sealed class PlayersKind(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, ISender sender) : IImportKind
{
    public ImportKind Kind => ImportKind.Players;

    public async Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct) =>
        new PlayerRowPlanner(
            await RowLeagues.LoadAsync(leagues, sponsors, teams, context, ct),
            new Rosters(sender),
            context.Headers);

    public Type WriteType => typeof(PlayerImportRow);

    public IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.AllAtOnce(
            writes,
            async all => await sender.Send(new ImportPlayers(importId, [.. all.Select(w => (PlayerImportRow)w.Write)]), ct),
            (w, r) => (r.PlayerId, r.Version, ((PlayerImportRow)w.Write).Fields.Name, r.Before is null && r.SteppedDown.Count == 0 ? null : new PlayerApplied(r.Before, r.SteppedDown)),
            ct);

    /// <summary>Each row's player, and the captain its new captain stepped down, who is reinstated too (unless changed since).</summary>
    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(
            new UndoPlayerImport(importId, [.. applied.SelectMany(a => AppliedRows.Read<PlayerApplied>(a) is { } was
                ? [new ImportUndoItem<PlayerDto>(a.Id, a.Version, was.Before), .. was.SteppedDown]
                : new[] { new ImportUndoItem<PlayerDto>(a.Id, a.Version, null) })]),
            ct);
}

/// <summary>What the import keeps of an applied roster row: the player before (null: added) and the captain it stepped down.</summary>
internal sealed record PlayerApplied(PlayerDto? Before, IReadOnlyList<ImportUndoItem<PlayerDto>> SteppedDown);

/// <summary>Each league's rosters, asked of Teams once per league when a row first names one of its teams.</summary>
internal sealed class Rosters(ISender sender)
{
    private readonly Dictionary<Guid, ILookup<Guid, PlayerDto>> byLeague = [];

    public async Task<IReadOnlyList<PlayerDto>> OfAsync(Guid leagueId, Guid teamId, CancellationToken ct)
    {
        if (!byLeague.TryGetValue(leagueId, out var rosters))
        {
            rosters = (await sender.Send(new ListLeagueRosters(leagueId), ct)).ToLookup(p => p.TeamId);
            byLeague[leagueId] = rosters;
        }

        return [.. rosters[teamId]];
    }
}
