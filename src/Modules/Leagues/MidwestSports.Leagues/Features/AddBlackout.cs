using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class AddBlackoutValidator : AbstractValidator<AddBlackout>
{
    public AddBlackoutValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is not null, () =>
        {
            RuleFor(x => x.Fields.Reason).RequiredText(120).OverridePropertyName("reason");
            RuleFor(x => x.Fields.Date).PlausibleDate().OverridePropertyName("date");
        });
    }
}

internal sealed class AddBlackoutHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<AddBlackout, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(AddBlackout command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var fields = command.Fields;
        if (fields.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.TeamId == teamId && t.LeagueId == league.Id && !t.Deleted, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("teamId", "The team is not in this league.")]);
        }

        if (await db.Blackouts.AnyAsync(b => b.LeagueId == league.Id && b.Date == fields.Date && b.TeamId == fields.TeamId, cancellationToken))
        {
            throw new ConflictException($"{fields.Date:yyyy-MM-dd} is already blacked out{(fields.TeamId is null ? string.Empty : " for that team")}.");
        }

        db.Blackouts.Add(Blackout.Create(league.Id, league.CityId, fields.TeamId, fields.Date, fields.Reason));
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}
