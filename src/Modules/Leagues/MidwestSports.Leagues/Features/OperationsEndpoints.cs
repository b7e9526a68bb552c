using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;

namespace MidwestSports.Leagues.Features;

/// <summary>Venues, season set-up, schedules, results, standings and playoffs: everything the bracket tool did.</summary>
internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        MapVenues(endpoints.MapGroup("/api/venues").WithTags("Venues").RequireAuthorization(AccessPolicies.CityUser));
        MapSeason(endpoints.MapGroup("/api/leagues").WithTags("Schedules").RequireAuthorization(AccessPolicies.CityUser));
        MapGames(endpoints.MapGroup("/api/games").WithTags("Schedules").RequireAuthorization(AccessPolicies.CityUser));
    }

    private static void MapVenues(RouteGroupBuilder venues)
    {
        venues.MapGet("/", async (ISender sender, CancellationToken ct, Guid? cityId = null, string? q = null, int? limit = null) =>
                Results.Ok(await sender.Send(new ListVenues(cityId, q, limit), ct)))
            .WithName("ListVenues")
            .WithDescription("Venues of your cities by city and name. q: name or address contains it (case ignored, wildcards literal); limit: the first 1-200.")
            .Produces<IReadOnlyList<VenueDto>>()
            .ProducesValidationProblem();
        venues.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetVenue(id), ct)))
            .WithName("GetVenue").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<VenueDto>();
        venues.MapPost("/", async (VenueFields body, ISender sender, CancellationToken ct) =>
            {
                var venue = await sender.Send(new CreateVenue(body), ct);
                return Results.Created($"/api/venues/{venue.Id}", venue);
            })
            .WithName("CreateVenue").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<VenueDto>(StatusCodes.Status201Created);
        venues.MapPut("/{id:guid}", async (Guid id, VenueFields body, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new UpdateVenue(id, body), ct)))
            .WithName("UpdateVenue").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<VenueDto>();
        venues.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteVenue(id), ct);
                return Results.NoContent();
            })
            .WithName("DeleteVenue").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status204NoContent);
    }

    private static void MapSeason(RouteGroupBuilder leagues)
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

    private static void MapGames(RouteGroupBuilder games)
    {
        Scores.GetScoreSheetEndpoint.Map(games);
        games.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetGame(id), ct)))
            .WithName("GetGame").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<GameDto>();
        games.MapPut("/{id:guid}", async (Guid id, MoveGameFields body, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new MoveGame(id, body), ct)))
            .WithName("MoveGame").WithDescription("Moves or reschedules one game.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<GameDto>();
        games.MapPost("/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new CancelGame(id), ct)))
            .WithName("CancelGame").ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<GameDto>();
        games.MapPut("/{id:guid}/result", async (Guid id, ResultFields body, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new RecordResult(id, body), ct)))
            .WithName("RecordResult")
            .Produces<GameDto>()
            .WithDescription("Scores, or a forfeit (forfeitedBy: the team that forfeited). Correcting a result needs a reason, kept in the audit log.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        games.MapDelete("/{id:guid}/result", async (Guid id, ISender sender, CancellationToken ct, string? reason = null) =>
                Results.Ok(await sender.Send(new ClearResult(id, reason ?? string.Empty), ct)))
            .WithName("ClearResult")
            .Produces<GameDto>()
            .WithDescription("Removes the result (the game is scheduled again); `reason` is required and kept in the audit log.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
