using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players;

internal sealed class ListPlayersHandler(TeamsDbContext db, CurrentScope current, Roster roster) : IQueryHandler<ListPlayers, IReadOnlyList<PlayerDto>>
{
    public async ValueTask<IReadOnlyList<PlayerDto>> Handle(ListPlayers query, CancellationToken cancellationToken)
    {
        var team = await roster.TeamForReadAsync(query.TeamId, current.Scope, cancellationToken);
        var players = await db.Players.AsNoTracking().Where(p => p.TeamId == team.Id)
            .OrderByDescending(p => p.IsCaptain).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. players.Select(p => p.ToDto(team.CityId))];
    }
}

internal static class ListPlayersEndpoint
{
    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/{id:guid}/players", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListPlayers(id), ct)))
            .WithName("ListPlayers")
            .WithDescription("The team's roster, captain first. Emails and phones are personal data: shown to the team's city only.")
            .Produces<IReadOnlyList<PlayerDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
