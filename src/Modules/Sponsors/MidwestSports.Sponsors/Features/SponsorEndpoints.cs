using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Sponsors.Features;

internal static class SponsorEndpoints
{
    public sealed record SponsorBody(string? Name, string? ContactName, string? Email, string? Phone, string? Website, List<Guid>? CityIds, long? Version = null)
    {
        public SponsorFields ToFields() => new(Name ?? string.Empty, ContactName, Email, Phone, Website, CityIds ?? [], Version);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var sponsors = endpoints.MapGroup("/api/sponsors").WithTags("Sponsors").RequireAuthorization(AccessPolicies.CityUser);
        sponsors.MapGet("/", async (ISender sender, CancellationToken ct, int page = 1, int pageSize = 25, string? sort = null, string? q = null, Guid? cityId = null, bool? active = null) =>
                Results.Ok(await sender.Send(new ListSponsors(page, pageSize, sort, q, cityId, active), ct)))
            .WithName("ListSponsors")
            .Produces<MidwestSports.Shared.Paging.PagedResultDto<SponsorDto>>()
            .ProducesValidationProblem();
        sponsors.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetSponsor(id), ct)))
            .WithName("GetSponsor")
            .Produces<SponsorDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        sponsors.MapPost("/", async (SponsorBody body, ISender sender, CancellationToken ct) =>
            {
                var sponsor = await sender.Send(new CreateSponsor(body.ToFields()), ct);
                return Results.Created($"/api/sponsors/{sponsor.Id}", sponsor);
            })
            .WithName("CreateSponsor")
            .Produces<SponsorDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        sponsors.MapPut("/{id:guid}", async (Guid id, SponsorBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateSponsor(id, body.ToFields()), ct)))
            .WithName("UpdateSponsor")
            .Produces<SponsorDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        sponsors.MapPost("/{id:guid}/deactivate", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new DeactivateSponsor(id), ct)))
            .WithName("DeactivateSponsor")
            .Produces<SponsorDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        ReactivateSponsorEndpoint.Map(sponsors);
    }
}
