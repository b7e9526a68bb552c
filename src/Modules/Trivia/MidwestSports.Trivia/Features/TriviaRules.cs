using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Validation;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;

namespace MidwestSports.Trivia.Features;

internal sealed class SetTriviaRulesValidator : AbstractValidator<SetTriviaRules>
{
    public SetTriviaRulesValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is not null, () =>
        {
            RuleFor(x => x.Fields.Scoring).IsInEnum().OverridePropertyName("scoring");
            RuleFor(x => x.Fields.PointsTable).Must(t => t is { Count: > 0 and <= 100 } && t.All(p => p is >= 0 and <= 1000))
                .When(x => x.Fields.Scoring == TriviaScoring.PlacementPoints)
                .WithMessage("Placement points need a table of 1 to 100 values from 0 to 1000 (first place first).").OverridePropertyName("pointsTable");
            RuleFor(x => x.Fields.BestNights).InclusiveBetween(1, 100).When(x => x.Fields.BestNights is not null).OverridePropertyName("bestNights");
            RuleFor(x => x.Fields.MinimumNights).InclusiveBetween(0, 100).OverridePropertyName("minimumNights");
            RuleForEach(x => x.Fields.ExcludedGameTypes).RequiredText(40).OverridePropertyName("excludedGameTypes");
        });
    }
}

internal sealed class GetTriviaRulesHandler(TriviaDbContext db, TriviaLeagueAccess access) : IQueryHandler<GetTriviaRules, TriviaRulesDto>
{
    public async ValueTask<TriviaRulesDto> Handle(GetTriviaRules query, CancellationToken cancellationToken)
    {
        var league = await access.ForReadAsync(query.LeagueId, cancellationToken);
        return (await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.LeagueId == league.LeagueId, cancellationToken))?.ToDto() ?? TriviaLeagueRules.Default;
    }
}

internal sealed class SetTriviaRulesHandler(TriviaDbContext db, TriviaLeagueAccess access, EditPreconditions preconditions) : ICommandHandler<SetTriviaRules, TriviaRulesDto>
{
    public async ValueTask<TriviaRulesDto> Handle(SetTriviaRules command, CancellationToken cancellationToken)
    {
        var league = await access.ForWriteAsync(command.LeagueId, cancellationToken);
        var rules = await db.Rules.SingleOrDefaultAsync(r => r.LeagueId == league.LeagueId, cancellationToken);
        preconditions.Verify("Trivia rules", rules?.Version ?? 0, command.Fields.Version);
        if (rules is null)
        {
            rules = new TriviaLeagueRules { LeagueId = league.LeagueId };
            db.Rules.Add(rules);
        }

        var f = command.Fields;
        rules.Scoring = f.Scoring;
        rules.PointsTable = f.Scoring == TriviaScoring.PlacementPoints ? [.. f.PointsTable ?? []] : [];
        rules.BestNights = f.BestNights;
        rules.MinimumNights = f.MinimumNights;
        rules.ExcludedGameTypes = [.. (f.ExcludedGameTypes ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct()];
        rules.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return rules.ToDto();
    }
}

internal static class TriviaRulesEndpoints
{
    public static void Map(IEndpointRouteBuilder trivia)
    {
        trivia.MapGet("/leagues/{leagueId:guid}/rules", async (Guid leagueId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTriviaRules(leagueId), ct)))
            .WithName("GetTriviaRules")
            .ProducesProblem(StatusCodes.Status404NotFound);
        trivia.MapPut("/leagues/{leagueId:guid}/rules", async (Guid leagueId, TriviaRulesFields body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetTriviaRules(leagueId, body), ct)))
            .WithName("SetTriviaRules")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
