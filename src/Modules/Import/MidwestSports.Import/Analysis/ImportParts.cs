using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Fields;
using MidwestSports.Import.Mapping;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Analysis;

/// <summary>One kind read from the file: the whole file for a single kind, or one sheet of a workbook.</summary>
internal sealed record ImportPart(ImportKind Kind, string? Sheet, ImportTable Table)
{
    public ImportPartDto ToDto() => new(Sheet ?? string.Empty, Kind, Table.HeaderLine, Table.Columns, Table.MissingFields);
}

/// <summary>
/// Opens an import's file as its parts: the kind it was uploaded as (on the chosen sheet, with the chosen encoding), or
/// for a workbook each sheet named after a kind ("Teams", "team"), in the order kinds are applied. A part's mapping is
/// the one stored for it (the admin's choices kept) when there is one.
/// </summary>
internal static class ImportParts
{
    public static IReadOnlyList<ImportPart> Open(
        ImportKind kind, SheetSource content, string? fileName, string? sheet, string? encoding, IReadOnlyList<ImportPartDto>? stored = null)
    {
        if (kind != ImportKind.Workbook)
        {
            var table = ImportTable.Open(kind, content, fileName, sheet, encoding, Choices(stored?.FirstOrDefault()));
            return [new ImportPart(kind, table.Format.Sheet, table)];
        }

        var first = SheetFile.Open(content, fileName, maxRows: ImportTable.MaxRows);
        if (first.Format.Type != "xlsx")
        {
            throw new UnreadableFileException("A workbook import needs an .xlsx file with a sheet per kind (Leagues, Sponsors, Teams, Players, Games).");
        }

        var parts = new List<ImportPart>();
        foreach (var part in Enum.GetValues<ImportKind>().Where(k => k != ImportKind.Workbook))
        {
            var name = first.Format.Sheets.FirstOrDefault(s => IsSheetOf(s, part));
            if (name is not null)
            {
                var file = SheetFile.Open(content, fileName, name, ImportTable.MaxRows);
                parts.Add(new ImportPart(part, name, ImportTable.Open(part, file, Choices(stored?.FirstOrDefault(p => p.Kind == part)))));
            }
        }

        return parts.Count > 0 ? parts
            : throw new UnreadableFileException($"No sheet of this workbook is named after a kind (Leagues, Sponsors, Teams, Players, Games). Its sheets: {string.Join(", ", first.Format.Sheets)}.");
    }

    /// <summary>A sheet named after the kind, singular or plural, any case: "Teams", "team", "TEAMS ".</summary>
    public static bool IsSheetOf(string sheet, ImportKind kind)
    {
        var key = NaturalKeys.Of(sheet);
        var plural = ImportFieldCatalog.Slug(kind);
        return key == plural || key == plural.TrimEnd('s');
    }

    private static IReadOnlyList<ColumnChoiceDto>? Choices(ImportPartDto? stored) =>
        stored?.Columns.Where(c => c.Basis == MappingBasis.Chosen)
            .Select(c => new ColumnChoiceDto(c.Index, c.Field)).ToList() is { Count: > 0 } chosen ? chosen : null;
}
