using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Features;

/// <summary>
/// Re-reads the stored file and writes its header and each error row as it was (every cell, not only the mapped ones)
/// with an "Error" column holding the row's messages: a CSV, formula-safe, that the admin fixes and uploads again. The
/// file is read as the import read it (its chosen sheet and encoding); a workbook's sheets that have errors follow one
/// another, each with its own header and a "Sheet" column first.
/// </summary>
internal sealed class GetImportErrorsHandler(ImportDbContext db, CurrentScope current) : IQueryHandler<GetImportErrors, ImportErrorsFileDto>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<ImportErrorsFileDto> Handle(GetImportErrors query, CancellationToken cancellationToken)
    {
        var batch = await db.VisibleAsync(query.ImportId, current.Scope, cancellationToken);
        await using var file = await ImportFileCopy.OfStoredAsync(db, batch.Id, cancellationToken);
        var workbook = batch.Kind == ImportKind.Workbook;
        var errors = await db.Rows.AsNoTracking().Where(r => r.ImportId == batch.Id && r.Action == RowAction.Error)
            .Select(r => new { r.Sheet, r.Line, r.Problems })
            .ToDictionaryAsync(r => (workbook ? r.Sheet ?? string.Empty : string.Empty, r.Line), r => r.Problems, cancellationToken);
        var text = new StringBuilder();
        foreach (var part in batch.ReadParts())
        {
            // A workbook's sheets one after the other, each with its own header and a Sheet column first.
            var sheet = workbook ? part.Sheet : string.Empty;
            if (workbook && !errors.Keys.Any(k => k.Item1 == sheet))
            {
                continue;
            }

            string[] prefix = workbook ? [sheet] : [], headerPrefix = workbook ? ["Sheet"] : [];
            var rows = workbook
                ? SheetFile.Open(file.Source, batch.FileName, part.Sheet).Rows()
                : SheetFile.Open(file.Source, batch.FileName, batch.Sheet, encoding: batch.EncodingOverride).Rows();
            var width = 0;
            foreach (var row in rows)
            {
                if (row.Line == part.HeaderLine)
                {
                    width = row.Cells.Count;
                    text.Append(SafeCsv.Line([.. headerPrefix, .. row.Cells, "Error"])).Append("\r\n");
                }
                else if (errors.TryGetValue((sheet, row.Line), out var problems))
                {
                    var messages = (JsonSerializer.Deserialize<List<RowProblemDto>>(problems, Json) ?? []).Where(p => p.Error).Select(p => p.Message);
                    var cells = Enumerable.Range(0, Math.Max(width, row.Cells.Count)).Select(i => row[i]);
                    text.Append(SafeCsv.Line([.. prefix, .. cells, string.Join(" ", messages)])).Append("\r\n");
                }
            }
        }

        var name = Path.GetFileNameWithoutExtension(batch.FileName) + "-errors.csv";
        return new ImportErrorsFileDto(name, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())]);
    }
}

internal static class GetImportErrorsEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapGet("/{id:guid}/errors.csv", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetImportErrors(id), ct);
                return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
            })
            .WithName("GetImportErrors")
            .WithDescription("The file's header and its error rows as uploaded, with an Error column; cells a spreadsheet would run as a formula get a leading apostrophe.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
