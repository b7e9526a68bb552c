using FluentValidation.Results;
using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class CancelGameHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<CancelGame, GameDto>
{
    public async ValueTask<GameDto> Handle(CancelGame command, CancellationToken cancellationToken)
    {
        var game = await GameRows.ForWriteAsync(db, current.Scope, command.GameId, cancellationToken);
        preconditions.Verify("Game", game.Version, bodyVersion: null);
        if (game.Kind == GameKind.Playoff)
        {
            throw new ConflictException("A playoff game cannot be cancelled; move it to another date instead.");
        }

        game.Cancel(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}
