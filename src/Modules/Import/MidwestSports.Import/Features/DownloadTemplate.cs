using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Fields;
using MidwestSports.Shared.Errors;
using MiniExcelLibs;

namespace MidwestSports.Import.Features;

/// <summary>
/// An empty file with a kind's columns in the order the import reads them: a CSV (UTF-8 with a byte order mark, so Excel
/// opens accents right) or a workbook with one sheet named after the kind (a sheet per kind for a workbook import).
/// </summary>
internal static class ImportTemplates
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(ImportKind kind) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', Headers(kind)) + "\r\n")];

    /// <summary>A kind's sheet, or for a workbook one sheet per kind in the order a workbook is applied.</summary>
    public static byte[] Xlsx(ImportKind kind)
    {
        var kinds = kind == ImportKind.Workbook ? Enum.GetValues<ImportKind>().Where(k => k != ImportKind.Workbook) : [kind];
        var sheets = kinds.ToDictionary(ImportFieldCatalog.Slug, k => (object)new[] { HeaderRow(k) });
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object> HeaderRow(ImportKind kind) =>
        Headers(kind).Select((h, i) => (Key: $"c{i}", Value: (object)h)).ToDictionary(c => c.Key, c => c.Value);

    private static IEnumerable<string> Headers(ImportKind kind) => ImportFieldCatalog.Of(kind).Select(f => f.Header);
}

internal static class DownloadTemplateEndpoint
{
    public static void Map(IEndpointRouteBuilder imports)
    {
        imports.MapGet("/templates/{kind}.csv", (string kind) =>
                Results.File(ImportTemplates.Csv(Kind(kind) is not ImportKind.Workbook and var single ? single : throw new NotFoundException("CSV template (a workbook has workbook.xlsx)", kind)), "text/csv; charset=utf-8", $"{kind.ToLowerInvariant()}-template.csv"))
            .WithName("DownloadImportTemplateCsv")
            .WithDescription("The CSV template of a kind (leagues, sponsors, teams, players, games): its header row.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/templates/{kind}.xlsx", (string kind) =>
                Results.File(ImportTemplates.Xlsx(Kind(kind)), ImportTemplates.XlsxContentType, $"{kind.ToLowerInvariant()}-template.xlsx"))
            .WithName("DownloadImportTemplateXlsx")
            .WithDescription("The XLSX template of a kind: one sheet named after the kind, with its header row; workbook.xlsx has a sheet per kind.")
            .Produces<byte[]>(StatusCodes.Status200OK, ImportTemplates.XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ImportKind Kind(string kind) =>
        ImportFieldCatalog.TryParseKind(kind, out var parsed) ? parsed : throw new NotFoundException("Import template", kind);
}
