using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Persistence;

namespace MidwestSports.Sponsors.Features;

/// <summary>
/// The undo of a deactivation: the sponsor can be assigned again. Same rules as deactivating (a city admin of one of
/// its cities, the version the admin saw when an If-Match is sent); reactivating an active sponsor changes nothing.
/// </summary>
internal sealed class ReactivateSponsorHandler(SponsorsDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time)
    : ICommandHandler<ReactivateSponsor, SponsorDto>
{
    public async ValueTask<SponsorDto> Handle(ReactivateSponsor command, CancellationToken cancellationToken)
    {
        var sponsor = await SponsorAccess.ForWriteAsync(db, current.Scope, command.SponsorId, cancellationToken);
        preconditions.Verify("Sponsor", sponsor.Version, bodyVersion: null);
        if (!sponsor.Active)
        {
            sponsor.Reactivate();
            db.AddToOutbox(sponsor.ToChanged(SponsorChange.Reactivated), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return sponsor.ToDto();
    }
}

internal static class ReactivateSponsorEndpoint
{
    public static void Map(IEndpointRouteBuilder sponsors) =>
        sponsors.MapPost("/{id:guid}/reactivate", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ReactivateSponsor(id), ct)))
            .WithName("ReactivateSponsor")
            .WithDescription("Makes a deactivated sponsor active again (the undo of a deactivation); 200 with the sponsor.")
            .Produces<SponsorDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
