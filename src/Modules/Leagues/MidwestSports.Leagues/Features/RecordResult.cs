using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class RecordResultValidator : AbstractValidator<RecordResult>
{
    public RecordResultValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is { ForfeitedBy: null }, () =>
        {
            RuleFor(x => x.Fields.HomeScore).NotNull().WithMessage("Enter the home score (or record a forfeit).").OverridePropertyName("homeScore");
            RuleFor(x => x.Fields.AwayScore).NotNull().WithMessage("Enter the away score (or record a forfeit).").OverridePropertyName("awayScore");
        });
        RuleFor(x => x.Fields.HomeScore).InclusiveBetween(0, 999).When(x => x.Fields?.HomeScore is not null)
            .WithMessage("A score is a whole number from 0 to 999.").OverridePropertyName("homeScore");
        RuleFor(x => x.Fields.AwayScore).InclusiveBetween(0, 999).When(x => x.Fields?.AwayScore is not null)
            .WithMessage("A score is a whole number from 0 to 999.").OverridePropertyName("awayScore");
        RuleFor(x => x.Fields.Reason).OptionalText(200).When(x => x.Fields is not null).OverridePropertyName("reason");
    }
}

/// <summary>
/// Enters or corrects a result. A correction must say why: the audit log keeps who, when, old and new scores, and the
/// reason. A playoff result advances the winner; a regular-season result may need a coin flip recorded for standings.
/// </summary>
internal sealed class RecordResultHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<RecordResult, GameDto>
{
    public async ValueTask<GameDto> Handle(RecordResult command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var game = await GameRows.ForResultAsync(db, current.Scope, command.GameId, cancellationToken);
        var f = command.Fields;
        preconditions.Verify("Game", game.Version, f.Version);
        if (f.ForfeitedBy is { } forfeiter && forfeiter != game.HomeTeamId && forfeiter != game.AwayTeamId)
        {
            throw new ValidationException([new ValidationFailure("forfeitedBy", "The forfeiting team must be one of the game's two teams.")]);
        }

        if (game.HasResult && string.IsNullOrWhiteSpace(f.Reason))
        {
            throw new ValidationException([new ValidationFailure("reason", "The game already has a result; say why it is corrected (kept in the audit log).")]);
        }

        if (game.Kind == GameKind.Playoff && f.ForfeitedBy is null && f.HomeScore == f.AwayScore)
        {
            throw new ValidationException([new ValidationFailure("awayScore", "A playoff game needs a winner; a tie cannot be entered.")]);
        }

        var league = await db.Leagues.SingleAsync(l => l.Id == game.LeagueId, cancellationToken);
        var now = time.GetUtcNow();
        current.AuditReason = string.IsNullOrWhiteSpace(f.Reason) ? null : f.Reason.Trim();
        if (game.Kind == GameKind.Playoff)
        {
            var winner = f.ForfeitedBy is { } loser ? (loser == game.HomeTeamId ? game.AwayTeamId : game.HomeTeamId)
                : f.HomeScore > f.AwayScore ? game.HomeTeamId : game.AwayTeamId;
            await Playoffs.EnsureWinnerAllowedAsync(db, game, winner, cancellationToken);
        }

        game.RecordResult(f.HomeScore ?? 0, f.AwayScore ?? 0, f.ForfeitedBy, league.ForfeitWinScore, league.ForfeitLossScore, now);
        await db.SaveChangesAsync(cancellationToken);
        await ResultConsequences.ApplyAsync(db, league, game, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}
