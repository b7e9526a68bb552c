using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Features.Players;

internal sealed class UpdatePlayerValidator : AbstractValidator<UpdatePlayer>
{
    public UpdatePlayerValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new PlayerFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdatePlayerHandler(CurrentScope current, EditPreconditions preconditions, Roster roster) : ICommandHandler<UpdatePlayer, PlayerDto>
{
    public async ValueTask<PlayerDto> Handle(UpdatePlayer command, CancellationToken cancellationToken)
    {
        var team = await roster.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        var player = await roster.PlayerAsync(team, command.PlayerId, cancellationToken);
        preconditions.Verify("Player", player.Version, command.Fields.Version);
        await roster.EnsureUniqueEmailAsync(team, player.Id, command.Fields, cancellationToken);
        await roster.SaveAsync(team, player, command.Fields.IsCaptain && !player.IsCaptain, () => player.Update(command.Fields), cancellationToken);
        return player.ToDto(team.CityId);
    }
}

internal static class UpdatePlayerEndpoint
{
    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPut("/{id:guid}/players/{playerId:guid}", async (Guid id, Guid playerId, PlayerFields body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdatePlayer(id, playerId, body), ct)))
            .WithName("UpdatePlayer")
            .Produces<PlayerDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
