using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>The routes of one game and of the score sheet, under <c>/api/games</c> (mapped from <see cref="LeaguesModule.MapEndpoints"/>).</summary>
internal static class GameEndpoints
{
    public static void Map(RouteGroupBuilder games)
    {
        Scores.GetScoreSheetEndpoint.Map(games);
        games.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetGame(id), ct)))
            .WithName("GetGame").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<GameDto>();
        games.MapPut("/{id:guid}", async (Guid id, MoveGameFields body, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new MoveGame(id, body), ct)))
            .WithName("MoveGame").WithDescription("Moves or reschedules one game.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<GameDto>();
        games.MapPost("/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new CancelGame(id), ct)))
            .WithName("CancelGame").ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<GameDto>();
        games.MapPut("/{id:guid}/result", async (Guid id, ResultFields body, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new RecordResult(id, body), ct)))
            .WithName("RecordResult")
            .Produces<GameDto>()
            .WithDescription("Scores, or a forfeit (forfeitedBy: the team that forfeited). Correcting a result needs a reason, kept in the audit log.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        games.MapDelete("/{id:guid}/result", async (Guid id, ISender sender, CancellationToken ct, string? reason = null) =>
                Results.Ok(await sender.Send(new ClearResult(id, reason ?? string.Empty), ct)))
            .WithName("ClearResult")
            .Produces<GameDto>()
            .WithDescription("Removes the result (the game is scheduled again); `reason` is required and kept in the audit log.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
