using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Import.Work;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Features;

/// <summary>Queues the undo of a committed import (202): what it created is removed, what it updated restored, what changed since left alone.</summary>
internal sealed class UndoImportHandler(ImportDbContext db, CurrentScope current, ImportQueue queue) : ICommandHandler<UndoImport, ImportDto>
{
    public async ValueTask<ImportDto> Handle(UndoImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        var batch = await db.VisibleAsync(command.ImportId, scope, cancellationToken);
        ImportAccess.EnsureCanChange(batch, scope);
        var moved = await db.Imports.Where(i => i.Id == batch.Id && i.Status == ImportStatus.Committed && i.Message != UndoingMessage).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Message, UndoingMessage).SetProperty(i => i.HeartbeatAt, DateTimeOffset.UtcNow), cancellationToken);
        if (moved == 0)
        {
            throw new ConflictException(batch.Status == ImportStatus.Committed
                ? "The import is already being undone."
                : $"The import is {batch.Status.ToString().ToLowerInvariant()}: only a committed import can be undone.");
        }

        await queue.EnqueueAsync(new UndoWork(batch.Id, scope), cancellationToken);
        return (await db.Imports.AsNoTracking().SingleAsync(i => i.Id == batch.Id, cancellationToken)).ToDto();
    }

    internal const string UndoingMessage = "Undoing…";
}

internal static class UndoImportEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPost("/{id:guid}/undo", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Accepted($"/api/imports/{id}", await sender.Send(new UndoImport(id), ct)))
            .WithName("UndoImport")
            .WithDescription("Undoes a committed import in the background (202; status Undone when done): records it created are removed, records it updated restored, and records someone changed since are left alone and listed in the outcome.")
            .Produces<ImportDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
