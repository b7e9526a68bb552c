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
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Features;

internal sealed class StartImportValidator : AbstractValidator<StartImport>
{
    public StartImportValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().Equal(ImportKind.Teams).WithMessage("Only teams can be previewed in this version; every kind's template can be downloaded.");
        RuleFor(x => x.Content).NotEmpty().WithMessage("The file is empty.").OverridePropertyName("file");
        RuleFor(x => x.Content.Length).LessThanOrEqualTo((int)StartImportEndpoint.MaxBytes).OverridePropertyName("file");
    }
}

/// <summary>
/// Reads the file, maps its columns and plans every row in one transaction: a file that cannot be read, or holds too
/// many rows, stores nothing (400). Nothing outside the import schema changes: this is the dry run.
/// </summary>
internal sealed class StartImportHandler(
    ImportDbContext db, CurrentScope current, ILeagueDirectory leagues, ISponsorDirectory sponsors, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<StartImport, ImportCreatedDto>
{
    public async ValueTask<ImportCreatedDto> Handle(StartImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        if (command.CityId is { } cityId)
        {
            scope.EnsureCanWriteIn(cityId);
        }

        var now = time.GetUtcNow();
        var batch = new ImportBatch
        {
            Id = Guid.CreateVersion7(now), Kind = command.Kind, CityId = command.CityId, FileName = Path.GetFileName(command.FileName),
            Status = ImportStatus.Ready, CreatedById = scope.UserId, CreatedBy = scope.Actor, CreatedAt = now,
        };
        try
        {
            var table = ImportTable.Open(command.Kind, command.Content, command.FileName, command.Sheet);
            (batch.Encoding, batch.Delimiter, batch.Sheet, batch.Sheets) = (table.Format.Encoding, table.Format.Delimiter, table.Format.Sheet, [.. table.Format.Sheets]);
            batch.HeaderLine = table.HeaderLine;
            batch.SetColumns(table.Columns);
            batch.MissingFields = [.. table.MissingFields];
            // A first pass only counts: a file over the row limit is refused before any row is planned or stored.
            _ = table.Rows().Count();
            var headers = new ColumnHeaders(command.Kind, table.Columns);
            var planner = new TeamRowPlanner(await TeamReferences.LoadAsync(leagues, sponsors, teams, cancellationToken), scope, command.CityId, headers);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using (var writer = new ImportRowWriter(db))
            {
                await writer.SaveFileAsync(batch.Id, command.Content, cancellationToken);
                foreach (var row in table.Rows())
                {
                    var plan = await planner.PlanAsync(row, cancellationToken);
                    batch.Count(plan.Action);
                    await writer.WriteAsync(batch.Id, plan, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            db.Imports.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is UnreadableFileException or TooManyRowsException)
        {
            throw new ValidationException([new ValidationFailure("file", ex.Message)]);
        }

        return new ImportCreatedDto(batch.Id);
    }
}

internal static class StartImportEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapPost("/", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return (IResult)TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data with the fields 'file', 'kind' and optionally 'cityId'."] });
                }

                var form = await request.ReadFormAsync(ct);
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

                using var buffer = new MemoryStream((int)file!.Length);
                await file.CopyToAsync(buffer, ct);
                var sheet = string.IsNullOrWhiteSpace(form["sheet"]) ? null : form["sheet"].ToString();
                var created = await sender.Send(new StartImport(file.FileName, buffer.ToArray(), kind, cityId, sheet), ct);
                return TypedResults.Created($"/api/imports/{created.Id}", created);
            })
            .DisableAntiforgery() // a bearer-token or SameSite=Strict cookie API, like every JSON endpoint here
            .Accepts<StartImportForm>("multipart/form-data")
            .WithName("StartImport")
            .WithDescription("Uploads a CSV or XLSX file (multipart 'file', 'kind', optional 'cityId' and 'sheet'; at most 20 MB and 200,000 rows) and previews it: nothing is imported yet.")
            .Produces<ImportCreatedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>The multipart form, for the API document.</summary>
    internal sealed record StartImportForm(IFormFile File, string Kind, Guid? CityId, string? Sheet);
}
