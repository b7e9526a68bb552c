using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class RemoveBlackoutHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<RemoveBlackout, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(RemoveBlackout command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var blackout = await db.Blackouts.SingleOrDefaultAsync(b => b.Id == command.BlackoutId && b.LeagueId == league.Id, cancellationToken)
            ?? throw new NotFoundException("Blackout", command.BlackoutId);
        db.Blackouts.Remove(blackout);
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}
