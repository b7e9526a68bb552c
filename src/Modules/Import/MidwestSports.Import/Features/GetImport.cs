using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Features;

internal sealed class GetImportHandler(ImportDbContext db, CurrentScope current) : IQueryHandler<GetImport, ImportDto>
{
    public async ValueTask<ImportDto> Handle(GetImport query, CancellationToken cancellationToken) =>
        (await db.VisibleAsync(query.ImportId, current.Scope, cancellationToken)).ToDto();
}

internal static class GetImportEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetImport(id), ct)))
            .WithName("GetImport")
            .WithDescription("An import's status, how its file was read, each column's mapping with its confidence, and its counts per action.")
            .Produces<ImportDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
