using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Persistence;
using MidwestSports.Import.Work;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using Npgsql;

namespace MidwestSports.Import.Features;

internal sealed class CommitImportValidator : AbstractValidator<CommitImport>
{
    public CommitImportValidator() => RuleFor(x => x.Mode).IsInEnum();
}

/// <summary>
/// Commits exactly what was previewed: every row is planned again against today's data and compared with its preview
/// (action, record, the version read, the changes); any difference is a 409 listing the rows and what changed, and
/// nothing is applied. "all" refuses while any row has an error (400); "valid" leaves the error rows out. The checked
/// writes are stored (<see cref="ImportWriteStore"/>) and applied in the background (status Committing), kind by kind
/// through each module.
/// </summary>
internal sealed class CommitImportHandler(ImportDbContext db, NpgsqlDataSource dataSource, CurrentScope current, ImportPlanning planning, ImportQueue queue)
    : ICommandHandler<CommitImport, ImportDto>
{
    /// <summary>A 409 lists at most this many changed rows (and says how many there are).</summary>
    private const int MaxDriftListed = 50;

    public async ValueTask<ImportDto> Handle(CommitImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        var batch = await db.VisibleAsync(command.ImportId, scope, cancellationToken);
        ImportAccess.EnsureCanChange(batch, scope);
        if (batch.Status != ImportStatus.Ready)
        {
            throw new ConflictException($"The import is {batch.Status.ToString().ToLowerInvariant()}: only an import ready to commit can be committed.");
        }

        if (command.Mode == CommitMode.All && batch.Errors > 0)
        {
            throw new ValidationException([new ValidationFailure("mode", $"{batch.Errors} row(s) have errors: fix them and upload again, or commit the valid rows only (mode \"valid\").")]);
        }

        await using var file = await ImportFileCopy.OfStoredAsync(db, batch.Id, cancellationToken);
        var parts = ImportParts.Open(batch.Kind, file.Source, batch.FileName, batch.Sheet, batch.EncodingOverride, batch.ReadParts());
        var choices = await ImportAnalysisJob.StoredChoicesAsync(db, batch.Id, cancellationToken);
        await using var previewed = await PreviewedRows.OpenAsync(dataSource, batch.Id, cancellationToken);

        // The checked writes are stored as they are planned (the job reads them back), in a transaction that a drift
        // rolls back: only a plan identical to its preview is ever stored, and nothing holds the whole file's writes.
        var writes = new Dictionary<ImportKind, int>();
        var drift = new List<PlanDriftDto>();
        var (driftCount, skipped, seen) = (0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var store = new ImportWriteStore(db))
        {
            await store.ClearAsync(batch.Id, cancellationToken);
            await foreach (var row in planning.PlanAsync(batch.Id, scope, batch.CityId, parts, choices, suggest: false, cancellationToken))
            {
                seen++;
                var plan = row.Plan;
                var before = await previewed.ForAsync(row.RowId, cancellationToken);
                var what = before is null ? "The row was not in the preview." : Differs(before, row);
                if (what is not null)
                {
                    if (++driftCount <= MaxDriftListed)
                    {
                        drift.Add(new PlanDriftDto(row.RowId, plan.Line, before?.Action ?? RowAction.Error, plan.Action, what));
                    }

                    continue;
                }

                if (plan.Action == RowAction.Error)
                {
                    skipped++;
                }
                else if (plan.Write is { } write && driftCount == 0)
                {
                    writes[row.Kind] = writes.GetValueOrDefault(row.Kind) + 1;
                    await store.AddAsync(batch.Id, row.Kind, new PlannedWrite(row.RowId, plan.Line, plan.Action, write), cancellationToken);
                }
            }

            await store.CompleteAsync(cancellationToken);
        }

        if (driftCount > 0 || seen != await previewed.TotalAsync(cancellationToken))
        {
            throw new ConflictException(
                $"The data this import read changed since the preview ({Math.Max(driftCount, 1)} row(s) would now do something else). Nothing was imported: look at the rows listed, then preview again.")
            {
                Details = drift,
            };
        }

        // Only one commit: the status moves from Ready to Committing once, whoever asks twice at the same time.
        var moved = await db.Imports.Where(i => i.Id == batch.Id && i.Status == ImportStatus.Ready).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.Status, ImportStatus.Committing).SetProperty(i => i.HeartbeatAt, DateTimeOffset.UtcNow).SetProperty(i => i.ProgressDone, 0)
                .SetProperty(i => i.ProgressTotal, writes.Values.Sum()).SetProperty(i => i.Message, (string?)null),
            cancellationToken);
        if (moved == 0)
        {
            throw new ConflictException("The import is already being committed.");
        }

        await transaction.CommitAsync(cancellationToken);
        await queue.EnqueueAsync(new CommitWork(batch.Id, scope, command.Mode, [.. writes.Select(w => (w.Key, w.Value))], skipped), cancellationToken);
        return (await db.Imports.AsNoTracking().SingleAsync(i => i.Id == batch.Id, cancellationToken)).ToDto();
    }

    /// <summary>What differs between a row's preview and its plan now, in an admin's words; null when nothing does.</summary>
    private static string? Differs(PreviewedRow before, PlannedRow now)
    {
        var plan = now.Plan;
        if (before.Action != plan.Action)
        {
            return $"It would now {Verb(plan.Action)} instead of {Verb(before.Action)}{(plan.Problems.FirstOrDefault(p => p.Error) is { } problem ? $": {problem.Message}" : ".")}";
        }

        if (before.TargetId != plan.TargetId)
        {
            return "It now matches another record.";
        }

        if (before.TargetVersion != plan.TargetVersion)
        {
            return "The record it updates was changed by someone since the preview.";
        }

        return before.Changes != JsonSerializer.Serialize(plan.Changes, ImportBatch.Json) && !SameChanges(before.Changes, plan.Changes)
            ? "The changes it makes are not the ones previewed."
            : null;
    }

    private static bool SameChanges(string stored, IReadOnlyList<FieldChangeDto> now) =>
        (JsonSerializer.Deserialize<List<FieldChangeDto>>(stored, ImportBatch.Json) ?? []).SequenceEqual(now);

    private static string Verb(RowAction action) => action switch
    {
        RowAction.Create => "create a record",
        RowAction.Update => "update a record",
        RowAction.Unchanged => "change nothing",
        _ => "fail",
    };
}

internal static class CommitImportEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPost("/{id:guid}/commit", async (Guid id, CommitBody body, ISender sender, CancellationToken ct) =>
            {
                var mode = CommitMode.All;
                if (body.Mode is { } text)
                {
                    // One mode by its name: not a number, nor names joined by commas (which Enum.TryParse would combine).
                    CommitMode[] named = [.. Enum.GetValues<CommitMode>().Where(m => string.Equals(m.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))];
                    if (named.Length == 0)
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["mode must be \"all\" (all rows or nothing) or \"valid\" (the valid rows only)."] });
                    }

                    mode = named[0];
                }

                return Results.Accepted($"/api/imports/{id}", await sender.Send(new CommitImport(id, mode), ct));
            })
            .WithName("CommitImport")
            .WithDescription("Commits the previewed plan in the background (202, status Committing, then Committed): mode \"all\" (the default when mode is left out: all rows or nothing, refused while rows have errors) or \"valid\" (error rows left out). 409 when the data the preview read changed since, with the rows in details.")
            .Produces<ImportDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal sealed record CommitBody(string? Mode);
}
