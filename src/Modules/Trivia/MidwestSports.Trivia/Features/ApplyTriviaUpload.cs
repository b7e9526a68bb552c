using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;
using MidwestSports.Trivia.Upload;

namespace MidwestSports.Trivia.Features;

/// <summary>
/// The admin accepts the preview: the rows are checked again (the data may have moved since) and applied for real,
/// in one transaction, through the sync's pipeline, for the caller's cities only. Applying twice is a 409.
/// </summary>
internal sealed class ApplyTriviaUploadHandler(TriviaDbContext db, UploadPipeline pipeline, CurrentScope current, TimeProvider time)
    : ICommandHandler<ApplyTriviaUpload, TriviaUploadDto>
{
    public async ValueTask<TriviaUploadDto> Handle(ApplyTriviaUpload command, CancellationToken cancellationToken)
    {
        var upload = await UploadAccess.ForWriteAsync(db, current.Scope, command.UploadId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await pipeline.LockAgainstSyncAsync(cancellationToken);
        // The decision is taken once: a second apply (or one racing this) finds it no longer Previewed.
        var taken = await db.Uploads.Where(u => u.Id == upload.Id && u.Status == TriviaUploadStatus.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, TriviaUploadStatus.Applied), cancellationToken);
        if (taken == 0)
        {
            throw new ConflictException("This upload was already applied or discarded.");
        }

        var outcome = await pipeline.RunAsync(upload.ReadRows(), upload.UploadedAt, current.Scope, cancellationToken);
        StandingsNotices.Add(db, outcome.Candidates, outcome.TouchedTeams, time.GetUtcNow());
        await db.Entry(upload).ReloadAsync(cancellationToken);
        upload.Applied = JsonSerializer.Serialize(outcome.Figures);
        // What the re-check found that the preview did not (the data moved, or another admin applies it) joins the messages.
        upload.Messages = JsonSerializer.Serialize((JsonSerializer.Deserialize<List<TriviaUploadMessageDto>>(upload.Messages) ?? []).Union(outcome.Messages).OrderBy(m => m.Row));
        upload.DecidedAt = time.GetUtcNow();
        upload.DecidedBy = current.Scope.Actor;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return upload.ToDto();
    }
}

internal sealed class DiscardTriviaUploadHandler(TriviaDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<DiscardTriviaUpload, TriviaUploadDto>
{
    public async ValueTask<TriviaUploadDto> Handle(DiscardTriviaUpload command, CancellationToken cancellationToken)
    {
        var upload = await UploadAccess.ForWriteAsync(db, current.Scope, command.UploadId, cancellationToken);
        upload.Status = TriviaUploadStatus.Discarded;
        upload.DecidedAt = time.GetUtcNow();
        upload.DecidedBy = current.Scope.Actor;
        await db.SaveChangesAsync(cancellationToken);
        return upload.ToDto();
    }
}

/// <summary>An upload is its uploader's, and any admin's of a city its nights lie in; to anyone else it does not exist.</summary>
internal static class UploadAccess
{
    public static async Task<TriviaUpload> ForWriteAsync(TriviaDbContext db, CityScope scope, Guid id, CancellationToken ct)
    {
        var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null || !(scope.AllCities || (scope.UserId is { } user && upload.UploadedById == user) || upload.CityIds.Any(scope.Includes)))
        {
            throw new NotFoundException("Upload", id);
        }

        scope.EnsureCanWrite();
        return upload.Status == TriviaUploadStatus.Previewed ? upload
            : throw new ConflictException($"This upload was already {upload.Status.ToString().ToLowerInvariant()}.");
    }
}

internal static class TriviaUploadDecisionEndpoints
{
    public static void Map(IEndpointRouteBuilder trivia)
    {
        trivia.MapPost("/uploads/{id:guid}/apply", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ApplyTriviaUpload(id), ct)))
            .WithName("ApplyTriviaUpload")
            .WithDescription("Applies a previewed upload through the sync's pipeline (nights of the caller's cities only) and answers what it did; 409 once applied or discarded.")
            .Produces<TriviaUploadDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        trivia.MapPost("/uploads/{id:guid}/discard", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new DiscardTriviaUpload(id), ct)))
            .WithName("DiscardTriviaUpload")
            .WithDescription("Discards a previewed upload: nothing of it is applied.")
            .Produces<TriviaUploadDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
