using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class ClearResultValidator : AbstractValidator<ClearResult>
{
    public ClearResultValidator() =>
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the result is removed (kept in the audit log).").OptionalText(200);
}

/// <summary>Takes a result back (entered on the wrong game); a playoff result only while no later match of its teams is played.</summary>
internal sealed class ClearResultHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<ClearResult, GameDto>
{
    public async ValueTask<GameDto> Handle(ClearResult command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var game = await GameRows.ForResultAsync(db, current.Scope, command.GameId, cancellationToken);
        preconditions.Verify("Game", game.Version, bodyVersion: null);
        if (!game.HasResult)
        {
            throw new ConflictException("The game has no result to remove.");
        }

        if (game.Kind == GameKind.Playoff)
        {
            await Playoffs.EnsureNothingPlayedAfterAsync(db, game, cancellationToken);
        }

        var league = await db.Leagues.SingleAsync(l => l.Id == game.LeagueId, cancellationToken);
        var now = time.GetUtcNow();
        current.AuditReason = command.Reason.Trim();
        game.ClearResult(now);
        await db.SaveChangesAsync(cancellationToken);
        await ResultConsequences.ApplyAsync(db, league, game, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}
