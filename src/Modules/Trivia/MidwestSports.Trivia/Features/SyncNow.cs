using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Features;

/// <summary>
/// "Sync now": a city or system admin starts a run; while one is running, the same run is answered again (one run
/// at a time, whoever asks). The run goes on in the background; its figures are at /api/trivia/sync-runs/{id}.
/// </summary>
internal sealed class StartTriviaSyncHandler(TriviaDbContext db, TriviaSync sync, TriviaSyncQueue queue, CurrentScope current, TimeProvider time)
    : ICommandHandler<StartTriviaSync, SyncRunDto>
{
    /// <summary>A run older than this still marked Running is not waited for (its host died; the next run marks it).</summary>
    private static readonly TimeSpan StaleRunning = TimeSpan.FromMinutes(30);

    public async ValueTask<SyncRunDto> Handle(StartTriviaSync command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureCanWrite();
        var since = time.GetUtcNow() - StaleRunning;
        var running = await db.Runs.AsNoTracking().Where(r => r.Status == SyncRunStatus.Running && r.StartedAt > since)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (running is not null)
        {
            return running.ToDto(current.Scope);
        }

        var run = await sync.CreateRunAsync(command.Trigger, current.Scope.Actor, cancellationToken);
        await queue.EnqueueAsync(run.Id, cancellationToken);
        return run.ToDto(current.Scope);
    }
}

internal static class SyncNowEndpoint
{
    public sealed record Accepted(Guid RunId);

    public static void Map(IEndpointRouteBuilder trivia) =>
        trivia.MapPost("/sync", async (ISender sender, CancellationToken ct) =>
            {
                var run = await sender.Send(new StartTriviaSync(SyncTrigger.Manual), ct);
                return TypedResults.Accepted($"/api/trivia/sync-runs/{run.Id}", new Accepted(run.Id));
            })
            .WithName("StartTriviaSync")
            .WithDescription("Starts a sync with the trivia partner (or answers the run in progress); 202 with its id.")
            .Produces<Accepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
