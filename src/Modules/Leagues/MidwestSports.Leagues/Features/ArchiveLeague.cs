using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class ArchiveLeagueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<ArchiveLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(ArchiveLeague command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        preconditions.Verify("League", league.Version, bodyVersion: null);
        if (league.Status != LeagueStatus.Archived)
        {
            league.Archive();
            db.AddToOutbox(league.ToChanged(LeagueChange.Archived), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        var cityName = await db.Cities.Where(c => c.Id == league.CityId).Select(c => c.Name).SingleAsync(cancellationToken);
        return LeagueRows.ToDto(league, cityName);
    }
}
