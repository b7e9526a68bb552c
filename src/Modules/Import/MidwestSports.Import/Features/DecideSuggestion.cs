using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Persistence;
using MidwestSports.Import.Work;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Features;

/// <summary>
/// Records the admin's decision about a row's suggestions (accept one: the row updates that record; reject all: it
/// creates a new one) and analyses the import again, so the row's action, its changes and the file's duplicates are
/// planned with it. The decision is kept until the file is read another way (encoding, sheet).
/// </summary>
internal sealed class DecideSuggestionHandler(ImportDbContext db, CurrentScope current, ImportQueue queue, TimeProvider time) : ICommandHandler<DecideSuggestion, ImportRowDto>
{
    public async ValueTask<ImportRowDto> Handle(DecideSuggestion command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        var visible = await db.VisibleAsync(command.ImportId, scope, cancellationToken);
        ImportAccess.EnsureCanChange(visible, scope);
        if (visible.Status != ImportStatus.Ready)
        {
            throw new ConflictException($"The import is {visible.Status.ToString().ToLowerInvariant()}: suggestions can be decided only while it is ready to commit.");
        }

        var row = await db.Rows.SingleOrDefaultAsync(r => r.ImportId == visible.Id && r.RowId == command.RowId, cancellationToken)
            ?? throw new NotFoundException("Import row", command.RowId);
        var suggestions = JsonSerializer.Deserialize<List<SuggestionDto>>(row.Suggestions, ImportBatch.Json) ?? [];
        if (suggestions.Count == 0 && row.Decision is null)
        {
            throw new ValidationException([new ValidationFailure("rowId", $"Row {row.RowId} (line {row.Line}) has no suggestions to decide.")]);
        }

        if (command.Accept)
        {
            var target = command.TargetId ?? (suggestions.Count == 1 ? suggestions[0].TargetId : null);
            if (target is null || (suggestions.All(s => s.TargetId != target) && row.DecidedTargetId != target))
            {
                throw new ValidationException([new ValidationFailure("targetId", "Name one of the row's suggestions (its targetId) to accept.")]);
            }

            (row.Decision, row.DecidedTargetId) = (SuggestionDecision.Accepted, target);
        }
        else
        {
            (row.Decision, row.DecidedTargetId) = (SuggestionDecision.Rejected, null);
        }

        // Still Ready when it is analysed again: a commit asked meanwhile wins, and this decision is refused.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var reopened = await db.Imports.Where(i => i.Id == visible.Id && i.Status == ImportStatus.Ready).ExecuteUpdateAsync(
                u => u.SetProperty(i => i.Status, ImportStatus.Analyzing).SetProperty(i => i.HeartbeatAt, time.GetUtcNow()).SetProperty(i => i.ProgressDone, 0).SetProperty(i => i.Message, (string?)null), cancellationToken);
            if (reopened == 0)
            {
                throw new ConflictException("The import changed meanwhile (a commit was asked?): suggestions can be decided only while it is ready to commit.");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueAsync(new AnalyzeWork(visible.Id, scope), cancellationToken);
        return row.ToDto();
    }
}

internal static class DecideSuggestionEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPost("/{id:guid}/suggestions/{rowId:int}", async (Guid id, int rowId, DecisionBody body, ISender sender, CancellationToken ct) =>
                body.Accept is { } accept
                    ? Results.Ok(await sender.Send(new DecideSuggestion(id, rowId, accept, body.TargetId), ct))
                    : Results.ValidationProblem(new Dictionary<string, string[]> { ["accept"] = ["Say accept: true (with the targetId of a suggestion) or accept: false."] }))
            .WithName("DecideSuggestion")
            .WithDescription("Accepts one of a row's suggested matches ({\"accept\": true, \"targetId\": ...}: the row updates that record) or rejects them all ({\"accept\": false}: it creates a new one); the import is analysed again.")
            .Produces<ImportRowDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal sealed record DecisionBody(bool? Accept, Guid? TargetId);
}
