using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>The routes of venues, under <c>/api/venues</c> (mapped from <see cref="LeaguesModule.MapEndpoints"/>).</summary>
internal static class VenueEndpoints
{
    public static void Map(RouteGroupBuilder venues)
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
}
