using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players;

internal sealed class RemovePlayerHandler(TeamsDbContext db, CurrentScope current, EditPreconditions preconditions, Roster roster) : ICommandHandler<RemovePlayer, Unit>
{
    public async ValueTask<Unit> Handle(RemovePlayer command, CancellationToken cancellationToken)
    {
        var team = await roster.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        var player = await roster.PlayerAsync(team, command.PlayerId, cancellationToken);
        preconditions.Verify("Player", player.Version, bodyVersion: null);
        db.Players.Remove(player);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class RemovePlayerEndpoint
{
    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapDelete("/{id:guid}/players/{playerId:guid}", async (Guid id, Guid playerId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemovePlayer(id, playerId), ct);
                return Results.NoContent();
            })
            .WithName("RemovePlayer")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
