using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players;

internal sealed class AddPlayerValidator : AbstractValidator<AddPlayer>
{
    public AddPlayerValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new PlayerFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class AddPlayerHandler(TeamsDbContext db, CurrentScope current, Roster roster, TimeProvider time) : ICommandHandler<AddPlayer, PlayerDto>
{
    public async ValueTask<PlayerDto> Handle(AddPlayer command, CancellationToken cancellationToken)
    {
        var team = await roster.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        await roster.EnsureUniqueEmailAsync(team, null, command.Fields, cancellationToken);
        var player = Player.Create(team, command.Fields, time.GetUtcNow());
        await roster.SaveAsync(team, player, command.Fields.IsCaptain, () => db.Players.Add(player), cancellationToken);
        return player.ToDto(team.CityId);
    }
}

internal static class AddPlayerEndpoint
{
    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/{id:guid}/players", async (Guid id, PlayerFields body, ISender sender, CancellationToken ct) =>
            {
                var player = await sender.Send(new AddPlayer(id, body), ct);
                return Results.Created($"/api/teams/{id}/players/{player.Id}", player);
            })
            .WithName("AddPlayer")
            .WithDescription("Adds a player to the roster; isCaptain makes them the captain in place of the previous one.")
            .Produces<PlayerDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
