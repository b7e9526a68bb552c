using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class SetLeagueRulesValidator : AbstractValidator<SetLeagueRules>
{
    public SetLeagueRulesValidator()
    {
        RuleFor(x => x.Rules).NotNull();
        When(x => x.Rules is not null, () =>
        {
        RuleFor(x => x.Rules.ForfeitWinScore).InclusiveBetween(1, 100).OverridePropertyName("forfeitWinScore").WithName("A forfeit's winning score");
        RuleFor(x => x.Rules.ForfeitLossScore).InclusiveBetween(0, 100).OverridePropertyName("forfeitLossScore").WithName("A forfeit's losing score")
            .LessThan(x => x.Rules.ForfeitWinScore).WithMessage("The forfeit's losing score must be below its winning score.");
        RuleFor(x => x.Rules.TieBreakers).Cascade(CascadeMode.Stop).OptionalText(40).Must(n => n is not null && TieBreakerRuleSets.Find(n) is not null).OverridePropertyName("tieBreakers")
            .WithMessage(_ => $"Tie-breakers must be one of: {string.Join(", ", TieBreakerRuleSets.All.Select(r => r.Name))}.");
        RuleFor(x => x.Rules.DifferentialCap).InclusiveBetween(1, 100).When(x => x.Rules.DifferentialCap is not null).OverridePropertyName("differentialCap").WithName("The differential cap");
        });
    }
}

internal sealed class SetLeagueRulesHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<SetLeagueRules, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(SetLeagueRules command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var rules = command.Rules;
        league.SetRules(rules.ForfeitWinScore, rules.ForfeitLossScore, TieBreakerRuleSets.Find(rules.TieBreakers)!.Name, rules.DifferentialCap);
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}
