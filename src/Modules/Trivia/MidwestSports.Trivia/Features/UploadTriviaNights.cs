using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Upload;

namespace MidwestSports.Trivia.Features;

internal sealed class UploadTriviaNightsValidator : AbstractValidator<UploadTriviaNights>
{
    public UploadTriviaNightsValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(260).OverridePropertyName("file");
        RuleFor(x => x.Content).NotEmpty().OverridePropertyName("file").WithMessage("Choose a CSV or XLSX file that is not empty.");
    }
}

/// <summary>
/// An admin uploads the partner's export of nights: it is read, checked row by row, and run through the sync's
/// pipeline inside a transaction that is rolled back, so the preview says exactly what applying would change.
/// </summary>
internal sealed class UploadTriviaNightsHandler(TriviaDbContext db, UploadPipeline pipeline, CurrentScope current, TimeProvider time)
    : ICommandHandler<UploadTriviaNights, TriviaUploadDto>
{
    public async ValueTask<TriviaUploadDto> Handle(UploadTriviaNights command, CancellationToken cancellationToken)
    {
        NightFile file;
        UploadedRows read;
        try
        {
            file = NightFileReader.Read(command.FileName, command.Content);
            read = NightRows.Read(file);
        }
        catch (UnreadableFileException ex)
        {
            throw new ValidationException([new ValidationFailure("file", ex.Message)]);
        }
        catch (TooManyRowsException)
        {
            throw new ValidationException([new ValidationFailure("file", $"The file has more than {NightFileReader.MaxRows:N0} rows; split it.")]);
        }

        var now = time.GetUtcNow();
        UploadOutcome preview;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            preview = await pipeline.RunAsync(read.Rows, now, current.Scope, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var upload = new TriviaUpload
        {
            Id = Guid.CreateVersion7(now), FileName = Path.GetFileName(command.FileName), UploadedById = current.Scope.UserId, UploadedBy = current.Scope.Actor,
            UploadedAt = now, Encoding = file.Encoding, Delimiter = file.Delimiter, Status = TriviaUploadStatus.Previewed, CityIds = [.. preview.CityIds],
            Rows = JsonSerializer.Serialize(read.Rows), Messages = JsonSerializer.Serialize(read.Messages.Concat(preview.Messages).OrderBy(m => m.Row)),
            RowCount = read.Rows.Count, Preview = JsonSerializer.Serialize(preview.Figures),
        };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return upload.ToDto();
    }
}

internal static class UploadTriviaNightsEndpoint
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder trivia) =>
        trivia.MapPost("/uploads", async (IFormFile? file, ISender sender, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return (IResult)TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the CSV or XLSX export as the multipart field 'file'."] });
                }

                if (file.Length > MaxBytes)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
                        detail: $"An upload is at most {MaxBytes / 1024 / 1024} MB; split the export by date.", extensions: new Dictionary<string, object?> { ["field"] = "file" });
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                var upload = await sender.Send(new UploadTriviaNights(file.FileName, buffer.ToArray()), ct);
                return TypedResults.Created($"/api/trivia/uploads/{upload.Id}", upload);
            })
            .DisableAntiforgery() // a bearer-token or SameSite=Strict cookie API, like every JSON endpoint here
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadTriviaNights")
            .WithDescription("Uploads the partner's CSV or XLSX export of nights (multipart field 'file', at most 5 MB and 20,000 rows) and answers its preview: nothing is applied yet.")
            .Produces<TriviaUploadDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
