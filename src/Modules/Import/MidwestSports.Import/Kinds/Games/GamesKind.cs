using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Games;

/// <summary>Games (schedules and results): planned against Leagues and Teams, applied and undone by the Leagues module's game import commands.</summary>
internal sealed class GamesKind(ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, ISender sender) : IImportKind
{
    public ImportKind Kind => ImportKind.Games;

    public async Task<IRowPlanner> PlannerAsync(PlanningContext context, CancellationToken ct) =>
        new GameRowPlanner(
            await RowLeagues.LoadAsync(leagues, sponsors, teams, context, ct),
            new Schedules(sender),
            context.Headers);

    public Type WriteType => typeof(GameImportRow);

    public IAsyncEnumerable<AppliedRow> ApplyAsync(Guid importId, IAsyncEnumerable<PlannedWrite> writes, CancellationToken ct) =>
        AppliedRows.AllAtOnce(
            writes,
            async all => await sender.Send(new ImportGames(importId, [.. all.Select(w => (GameImportRow)w.Write)]), ct),
            (w, r) => (r.GameId, r.Version, $"{((GameImportRow)w.Write).Fields.Date:yyyy-MM-dd}", r.Before),
            ct);

    public async Task<ImportUndoReport> UndoAsync(Guid importId, IReadOnlyList<AppliedRow> applied, CancellationToken ct) =>
        await sender.Send(new UndoGameImport(importId, AppliedRows.UndoItems<GameDto>(applied)), ct);
}

/// <summary>Each league's games and each city's venues, asked of Leagues once when a row first needs them.</summary>
internal sealed class Schedules(ISender sender)
{
    private readonly Dictionary<Guid, IReadOnlyList<GameDto>> games = [];

    private readonly Dictionary<Guid, IReadOnlyList<VenueDto>> venues = [];

    public async Task<IReadOnlyList<GameDto>> GamesOfAsync(Guid leagueId, CancellationToken ct)
    {
        if (!games.TryGetValue(leagueId, out var known))
        {
            known = await sender.Send(new ListGames(leagueId), ct);
            games[leagueId] = known;
        }

        return known;
    }

    public async Task<IReadOnlyList<VenueDto>> VenuesInAsync(Guid cityId, CancellationToken ct)
    {
        if (!venues.TryGetValue(cityId, out var known))
        {
            known = await sender.Send(new ListVenues(cityId), ct);
            venues[cityId] = known;
        }

        return known;
    }
}
