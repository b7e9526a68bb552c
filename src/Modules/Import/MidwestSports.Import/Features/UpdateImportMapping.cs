using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Persistence;
using MidwestSports.Import.Work;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Features;

internal sealed class UpdateImportMappingValidator : AbstractValidator<UpdateImportMapping>
{
    public UpdateImportMappingValidator()
    {
        RuleFor(x => x.Columns).Must(c => c is null || c.Count <= 500).WithMessage("At most 500 columns.");
        RuleFor(x => x.Encoding).Must(e => e is null || SheetFile.Encodings.Contains(e, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"encoding must be one of {string.Join(", ", SheetFile.Encodings)}.");
        RuleFor(x => x.Sheet).MaximumLength(100);
    }
}

/// <summary>
/// Reads the stored file again with another encoding or sheet (the detected mapping, the admin's decisions reset) or
/// applies the admin's column choices over the current mapping; optionally saves the mapping for files with the same
/// headers; then queues the analysis again. Only an import not yet committed (Ready or Failed) can be remapped.
/// </summary>
internal sealed class UpdateImportMappingHandler(ImportDbContext db, CurrentScope current, ImportQueue queue, TimeProvider time)
    : ICommandHandler<UpdateImportMapping, ImportDto>
{
    public async ValueTask<ImportDto> Handle(UpdateImportMapping command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        var visible = await db.VisibleAsync(command.ImportId, scope, cancellationToken);
        ImportAccess.EnsureCanChange(visible, scope);
        var batch = await db.Imports.SingleAsync(i => i.Id == visible.Id, cancellationToken);
        if (batch.Status is not (ImportStatus.Ready or ImportStatus.Failed))
        {
            throw new ConflictException($"The import is {batch.Status.ToString().ToLowerInvariant()}: its mapping can change only before it is committed.");
        }

        await using var file = await ImportFileCopy.OfStoredAsync(db, batch.Id, cancellationToken);
        var rereads = (command.Encoding is not null && !string.Equals(command.Encoding, batch.EncodingOverride ?? batch.Encoding, StringComparison.OrdinalIgnoreCase))
            || (command.Sheet is not null && batch.Kind != ImportKind.Workbook && !string.Equals(command.Sheet, batch.Sheet, StringComparison.OrdinalIgnoreCase));
        IReadOnlyList<ImportPart> parts;
        try
        {
            batch.EncodingOverride = command.Encoding ?? batch.EncodingOverride;
            parts = rereads
                ? ImportParts.Open(batch.Kind, file.Source, batch.FileName, command.Sheet ?? batch.Sheet, batch.EncodingOverride)
                : ImportParts.Open(batch.Kind, file.Source, batch.FileName, batch.Sheet, batch.EncodingOverride, batch.ReadParts());
            if (command.Columns is { Count: > 0 } choices)
            {
                var target = batch.Kind == ImportKind.Workbook && command.Sheet is not null
                    ? parts.FirstOrDefault(p => string.Equals(p.Sheet, command.Sheet, StringComparison.OrdinalIgnoreCase))
                        ?? throw new ValidationException([new ValidationFailure("sheet", $"The workbook has no sheet '{command.Sheet}' read as a kind.")])
                    : parts[0];
                parts = [.. parts.Select(p => p == target ? p with { Table = p.Table.WithChoices(choices) } : p)];
            }
        }
        catch (Exception ex) when (ex is UnreadableFileException or TooManyRowsException)
        {
            throw new ValidationException([new ValidationFailure(command.Encoding is not null ? "encoding" : "sheet", ex.Message)]);
        }

        StartImportHandler.Describe(batch, parts);
        batch.Status = ImportStatus.Analyzing;
        batch.HeartbeatAt = time.GetUtcNow();
        batch.Message = null;
        batch.ProgressDone = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Still not committed, and held so until this is saved: a commit asked meanwhile wins, and this change is refused.
            if (await db.Imports.Where(i => i.Id == batch.Id && (i.Status == ImportStatus.Ready || i.Status == ImportStatus.Failed))
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAt, batch.HeartbeatAt), cancellationToken) == 0)
            {
                throw new ConflictException("The import changed meanwhile (a commit was asked?): its mapping can change only before it is committed.");
            }

            if (command.Save)
            {
                foreach (var part in parts)
                {
                    await SavedMappings.SaveAsync(db, part, scope.Actor, time.GetUtcNow(), cancellationToken);
                }
            }

            if (rereads)
            {
                // Other rows, or the same rows read otherwise: decisions about suggestions no longer apply.
                await db.Rows.Where(r => r.ImportId == batch.Id).ExecuteDeleteAsync(cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueAsync(new AnalyzeWork(batch.Id, scope), cancellationToken);
        return batch.ToDto();
    }
}

internal static class UpdateImportMappingEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPut("/{id:guid}/mapping", async (Guid id, MappingBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateImportMapping(id, body.Columns, body.Save ?? false, body.Encoding, body.Sheet), ct)))
            .WithName("UpdateImportMapping")
            .WithDescription("Changes how the file is read and mapped (each column's field or null to ignore it, the encoding, the sheet), optionally saves the mapping for files with the same headers, and analyses the rows again (status Analyzing, then Ready).")
            .Produces<ImportDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal sealed record MappingBody(IReadOnlyList<ColumnChoiceDto>? Columns, bool? Save, string? Encoding, string? Sheet);
}
