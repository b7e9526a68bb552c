using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Fields;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Persistence;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Work;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Features;

internal sealed class StartImportValidator : AbstractValidator<StartImport>
{
    public StartImportValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Content.Length).GreaterThan(0).WithMessage("The file is empty.").OverridePropertyName("file");
        RuleFor(x => x.Content.Length).LessThanOrEqualTo(StartImportEndpoint.MaxBytes).OverridePropertyName("file");
        RuleFor(x => x.Encoding).Must(e => e is null || SheetFile.Encodings.Contains(e, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"encoding must be one of {string.Join(", ", SheetFile.Encodings)}.");
    }
}

/// <summary>
/// Opens the file and counts its rows in the request, so a file that cannot be read, or holds too many rows, stores
/// nothing (400); then stores the file and the import (Analyzing, with each part's mapping: a mapping saved for the
/// same headers is proposed again) and queues the analysis. Nothing outside the import schema changes: a dry run.
/// </summary>
internal sealed class StartImportHandler(ImportDbContext db, CurrentScope current, ImportKinds kinds, ImportQueue queue, ICityDirectory cities, TimeProvider time)
    : ICommandHandler<StartImport, ImportCreatedDto>
{
    public async ValueTask<ImportCreatedDto> Handle(StartImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        if (command.CityId is { } cityId)
        {
            scope.EnsureCanWriteIn(cityId);
            if ((await cities.ExistingAsync([cityId], cancellationToken)).Count == 0)
            {
                throw new ValidationException([new ValidationFailure("cityId", "No city has this id.")]);
            }
        }

        var now = time.GetUtcNow();
        var batch = new ImportBatch
        {
            Id = Guid.CreateVersion7(now), Kind = command.Kind, CityId = command.CityId, FileName = ImportBatch.FileNameOf(command.FileName),
            Status = ImportStatus.Analyzing, HeartbeatAt = now, EncodingOverride = command.Encoding, CreatedById = scope.UserId, CreatedBy = scope.Actor, CreatedAt = now,
        };
        // Read from a local copy: the checks below read the file more than once, and every reader gets a plain file stream.
        await using var copy = await ImportFileCopy.OfUploadAsync(command.Content.Open(), cancellationToken);
        var content = copy.Source;
        try
        {
            var parts = ImportParts.Open(command.Kind, content, command.FileName, command.Sheet, command.Encoding);
            var unsupported = parts.Select(p => p.Kind).FirstOrDefault(k => !kinds.Supports(k));
            if (parts.Any(p => !kinds.Supports(p.Kind)))
            {
                throw new ValidationException([new ValidationFailure("kind", $"{unsupported} cannot be imported in this version; its template can be downloaded.")]);
            }

            parts = await SavedMappings.ProposeAsync(db, parts, cancellationToken);
            batch.MappingFromSaved = parts.Any(p => p.Table.Columns.Any(c => c.Basis == MappingBasis.Chosen));
            Describe(batch, parts);
            // A first pass only counts: a file over the row limit is refused before any row is planned or stored.
            // The limit holds for the whole file: a workbook's sheets together.
            batch.ProgressTotal = parts.Sum(p => p.Table.Rows().Count());
            if (batch.ProgressTotal > ImportTable.MaxRows)
            {
                throw new TooManyRowsException(ImportTable.MaxRows);
            }
        }
        catch (Exception ex) when (ex is UnreadableFileException or TooManyRowsException)
        {
            throw new ValidationException([new ValidationFailure("file", ex.Message)]);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await using (var writer = new ImportRowWriter(db))
            {
                await writer.SaveFileAsync(batch.Id, content, cancellationToken);
            }

            db.Imports.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueAsync(new AnalyzeWork(batch.Id, scope), cancellationToken);
        return new ImportCreatedDto(batch.Id);
    }

    /// <summary>How the file was read: encoding and delimiter of a CSV, the sheet(s) of a workbook, and each part's mapping.</summary>
    internal static void Describe(ImportBatch batch, IReadOnlyList<ImportPart> parts)
    {
        var format = parts[0].Table.Format;
        (batch.Encoding, batch.Delimiter, batch.Sheets) = (format.Encoding, format.Delimiter, [.. format.Sheets]);
        batch.Sheet = batch.Kind == ImportKind.Workbook ? null : format.Sheet;
        batch.SetParts([.. parts.Select(p => p.ToDto())]);
    }
}

internal static class StartImportEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPost("/", async (HttpRequest request, CurrentScope current, ISender sender, CancellationToken ct) =>
            {
                // A read-only user is refused (403) before anything of the form is read or judged.
                current.Scope.EnsureCanWrite();
                if (!request.HasFormContentType)
                {
                    return (IResult)TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data with the fields 'file', 'kind' and optionally 'cityId'."] });
                }

                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(ct);
                }
                catch (Exception ex) when (ex is InvalidDataException or (IOException and not BadHttpRequestException) && !ct.IsCancellationRequested)
                {
                    // No boundary, too many fields, a body cut short: the form itself is malformed.
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The multipart form could not be read ({ex.Message.TrimEnd('.')}): send the fields 'file', 'kind' and optionally 'cityId' as multipart/form-data."] });
                }

                var errors = new Dictionary<string, string[]>();
                var file = form.Files.GetFile("file");
                if (file is null)
                {
                    errors["file"] = ["Send the CSV or XLSX file as the multipart field 'file'."];
                }
                else if (file.Length == 0)
                {
                    errors["file"] = ["The file is empty."];
                }
                else if (file.Length > MaxBytes)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
                        detail: $"An import file is at most {MaxBytes / 1024 / 1024} MB; split it.", extensions: new Dictionary<string, object?> { ["field"] = "file" });
                }

                if (!ImportFieldCatalog.TryParseKind(form["kind"], out var kind))
                {
                    errors["kind"] = [$"kind must be one of {string.Join(", ", Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant()))}."];
                }

                Guid? cityId = null;
                if (!string.IsNullOrEmpty(form["cityId"]))
                {
                    cityId = Guid.TryParse(form["cityId"], out var parsed) && parsed != Guid.Empty ? parsed : null;
                    if (cityId is null)
                    {
                        errors["cityId"] = ["cityId must be a city's id (GUID)."];
                    }
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                // The upload as the request buffered it (on disk beyond 64 KB), handed over as a stream: the handler copies it
                // to a local file for its checks and streams it into the database, never into memory whole.
                var upload = file!;
                var content = new ImportUpload(upload.OpenReadStream, upload.Length);
                var sheet = string.IsNullOrWhiteSpace(form["sheet"]) ? null : form["sheet"].ToString();
                var encoding = string.IsNullOrWhiteSpace(form["encoding"]) ? null : form["encoding"].ToString();
                var created = await sender.Send(new StartImport(upload.FileName, content, kind, cityId, sheet, encoding), ct);
                return TypedResults.Created($"/api/imports/{created.Id}", created);
            })
            .DisableAntiforgery() // a bearer-token or SameSite=Strict cookie API, like every JSON endpoint here
            .Accepts<StartImportForm>("multipart/form-data")
            .WithName("StartImport")
            .WithDescription("Uploads a CSV or XLSX file (multipart 'file', 'kind', optional 'cityId', 'sheet' and 'encoding'; at most 20 MB and 200,000 rows) and analyses it in the background (status Analyzing, then Ready): a preview, nothing is imported yet.")
            .Produces<ImportCreatedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>The multipart form, for the API document.</summary>
    internal sealed record StartImportForm(IFormFile File, string Kind, Guid? CityId, string? Sheet, string? Encoding);
}
