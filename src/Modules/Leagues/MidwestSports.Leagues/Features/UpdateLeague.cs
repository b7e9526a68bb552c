using FluentValidation;
using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class UpdateLeagueValidator : AbstractValidator<UpdateLeague>
{
    public UpdateLeagueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new LeagueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdateLeagueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<UpdateLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(UpdateLeague command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        preconditions.Verify("League", league.Version, command.Fields.Version);
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, command.Fields.CityId, cancellationToken);
        await LeagueGuards.EnsureUniqueAsync(db, league.Id, command.Fields, cancellationToken);
        var change = league.Update(command.Fields);
        db.AddToOutbox(league.ToChanged(change), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LeagueRows.ToDto(league, city.Name);
    }
}
