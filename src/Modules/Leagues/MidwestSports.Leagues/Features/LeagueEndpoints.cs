using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>A league itself under <c>/api/leagues</c>: list, read, create, update, archive (mapped from <see cref="LeaguesModule.MapEndpoints"/>).</summary>
internal static class LeagueEndpoints
{
    public static void Map(RouteGroupBuilder leagues)
    {
        leagues.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                int page = 1,
                int pageSize = 25,
                string? sort = null,
                string? q = null,
                Guid? cityId = null,
                string? sport = null,
                int? seasonYear = null,
                SeasonTerm? term = null,
                LeagueStatus? status = null,
                bool? current = null) =>
                Results.Ok(await sender.Send(new ListLeagues(page, pageSize, sort, q, cityId, sport, seasonYear, term, status, current), ct)))
            .WithName("ListLeagues")
            .WithDescription("Leagues of your cities. current=true: only leagues still running (draft, registration, active); current=false: only completed or archived ones.")
            .Produces<MidwestSports.Shared.Paging.PagedResultDto<LeagueDto>>()
            .ProducesValidationProblem();
        leagues.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetLeague(id), ct)))
            .WithName("GetLeague")
            .Produces<LeagueDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        leagues.MapPost("/", async (LeagueFields body, ISender sender, CancellationToken ct) =>
            {
                var league = await sender.Send(new CreateLeague(body), ct);
                return Results.Created($"/api/leagues/{league.Id}", league);
            })
            .WithName("CreateLeague")
            .Produces<LeagueDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        leagues.MapPut("/{id:guid}", async (Guid id, LeagueFields body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateLeague(id, body), ct)))
            .WithName("UpdateLeague")
            .Produces<LeagueDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        leagues.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ArchiveLeague(id), ct)))
            .WithName("ArchiveLeague")
            .Produces<LeagueDto>()
            .WithDescription("Archives the league (leagues are never hard-deleted).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
