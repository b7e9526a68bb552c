using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Persistence;

namespace MidwestSports.Trivia.Features;

internal sealed class ListSyncRunsHandler(TriviaDbContext db, CurrentScope current) : IQueryHandler<ListSyncRuns, IReadOnlyList<SyncRunDto>>
{
    public async ValueTask<IReadOnlyList<SyncRunDto>> Handle(ListSyncRuns query, CancellationToken cancellationToken) =>
        (await db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Math.Clamp(query.Limit, 1, 200)).ToListAsync(cancellationToken))
            .Select(r => r.ToDto(current.Scope)).ToList();
}

internal sealed class GetSyncRunHandler(TriviaDbContext db, CurrentScope current) : IQueryHandler<GetSyncRun, SyncRunDto>
{
    public async ValueTask<SyncRunDto> Handle(GetSyncRun query, CancellationToken cancellationToken) =>
        (await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RunId, cancellationToken) ?? throw new NotFoundException("Sync run", query.RunId)).ToDto(current.Scope);
}

internal static class SyncRunEndpoints
{
    public static void Map(IEndpointRouteBuilder trivia)
    {
        trivia.MapGet("/sync-runs", async (ISender sender, CancellationToken ct, int limit = 50) => TypedResults.Ok(await sender.Send(new ListSyncRuns(limit), ct)))
            .WithName("ListTriviaSyncRuns")
            .WithDescription("The latest sync runs, newest first, with what each did (or why it failed).");
        trivia.MapGet("/sync-runs/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSyncRun(id), ct)))
            .WithName("GetTriviaSyncRun")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
