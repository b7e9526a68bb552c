using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>A league's season under <c>/api/leagues/{id}</c>: set-up, schedule, games, standings and playoffs (mapped from <see cref="LeaguesModule.MapEndpoints"/>).</summary>
internal static class SeasonEndpoints
{
    public static void Map(RouteGroupBuilder leagues)
    {
        leagues.MapGet("/{id:guid}/setup", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetSeasonSetup(id), ct)))
            .WithName("GetSeasonSetup").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<SeasonSetupDto>();
        leagues.MapPut("/{id:guid}/slots", async (Guid id, IReadOnlyList<SlotFields> body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetLeagueSlots(id, body), ct)))
            .WithName("SetLeagueSlots").WithDescription("Replaces the league's time slots (venue, field, start, minutes).").ProducesValidationProblem()
            .Produces<SeasonSetupDto>();
        leagues.MapPost("/{id:guid}/blackouts", async (Guid id, BlackoutFields body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new AddBlackout(id, body), ct)))
            .WithName("AddBlackout").WithDescription("A date the whole league (teamId null) or one team cannot play.").ProducesValidationProblem()
            .Produces<SeasonSetupDto>();
        leagues.MapDelete("/{id:guid}/blackouts/{blackoutId:guid}", async (Guid id, Guid blackoutId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new RemoveBlackout(id, blackoutId), ct)))
            .WithName("RemoveBlackout").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<SeasonSetupDto>();
        leagues.MapPut("/{id:guid}/rules", async (Guid id, LeagueRulesFields body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetLeagueRules(id, body), ct)))
            .WithName("SetLeagueRules").WithDescription("Forfeit score, tie-breaker rule set and differential cap.").ProducesValidationProblem()
            .Produces<SeasonSetupDto>();
        leagues.MapPost("/{id:guid}/schedule", async (Guid id, ScheduleOptions body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GenerateSchedule(id, body.Format, body.StartDate, body.Weeks, body.Commit, body.ExpectedPlan), ct)))
            .WithName("GenerateSchedule")
            .Produces<SchedulePreviewDto>()
            .WithDescription("Plans the season (commit false: a preview that saves nothing). Games with results are kept; a commit with unplaced games is refused (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        leagues.MapGet("/{id:guid}/games", async (Guid id, ISender sender, CancellationToken ct, Guid? teamId = null) =>
                Results.Ok(await sender.Send(new ListGames(id, teamId), ct)))
            .WithName("ListGames").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<IReadOnlyList<GameDto>>();
        leagues.MapGet("/{id:guid}/standings", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetStandings(id), ct)))
            .WithName("GetStandings").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<StandingsDto>();
        leagues.MapPost("/{id:guid}/playoffs", async (Guid id, PlayoffOptions body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new CreatePlayoffs(id, body.Format, body.Teams), ct)))
            .WithName("CreatePlayoffs").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<BracketDto>();
        leagues.MapGet("/{id:guid}/bracket", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetBracket(id), ct)))
            .WithName("GetBracket").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<BracketDto>();
    }
}
