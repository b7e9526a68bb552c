using FluentValidation;
using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class CreateLeagueValidator : AbstractValidator<CreateLeague>
{
    public CreateLeagueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new LeagueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class CreateLeagueHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<CreateLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(CreateLeague command, CancellationToken cancellationToken)
    {
        var fields = command.Fields;
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, fields.CityId, cancellationToken);
        await LeagueGuards.EnsureUniqueAsync(db, null, fields, cancellationToken);
        var league = League.Create(fields, time.GetUtcNow());
        db.Leagues.Add(league);
        db.AddToOutbox(league.ToChanged(LeagueChange.Created), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LeagueRows.ToDto(league, city.Name);
    }
}
