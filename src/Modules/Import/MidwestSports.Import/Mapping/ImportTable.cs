using MidwestSports.Import.Contracts;
using MidwestSports.Import.Fields;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Mapping;

/// <summary>One data row of an import: its line in the file, each mapped field's text, and the fields whose cell looked like a formula.</summary>
internal sealed record ImportRow(int Line, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> FormulaFields);

/// <summary>
/// A file read for one kind: the header row found (even below title rows), its columns mapped to the kind's fields,
/// and the data rows after it, read one at a time each time <see cref="Rows"/> is enumerated.
/// </summary>
internal sealed class ImportTable
{
    /// <summary>The header is looked for among the first rows only: a title block is a few rows, not a page.</summary>
    public const int HeaderSearchRows = 20;

    public const int MaxRows = 200_000;

    private readonly SheetFile file;

    private ImportTable(SheetFile file, ImportKind kind, int headerLine, IReadOnlyList<ColumnMappingDto> columns, string headerKey)
    {
        this.file = file;
        Kind = kind;
        HeaderLine = headerLine;
        Columns = columns;
        HeaderKey = headerKey;
    }

    /// <summary>SHA-256 (hex) of the headers' natural keys in order: what a saved mapping is found by.</summary>
    public string HeaderKey { get; }

    public ImportKind Kind { get; }

    public SheetFormat Format => file.Format;

    public int HeaderLine { get; }

    public IReadOnlyList<ColumnMappingDto> Columns { get; }

    /// <summary>This table with the admin's column choices applied over its current mapping.</summary>
    public ImportTable WithChoices(IReadOnlyList<ColumnChoiceDto> choices) =>
        new(file, Kind, HeaderLine, ColumnMatcher.Choose(Kind, Columns, choices), HeaderKey);

    /// <summary>Required fields no column feeds: the mapping step names them.</summary>
    public IReadOnlyList<string> MissingFields =>
        [.. ImportFieldCatalog.Of(Kind).Where(f => f.Required && Columns.All(c => c.Field != f.Name)).Select(f => f.Header)];

    /// <summary>
    /// Opens the file and finds its header; a file without one is unreadable (a 400 naming the problem). A sheet of a
    /// workbook, an encoding other than the detected one, and the admin's own column choices may be given.
    /// </summary>
    public static ImportTable Open(ImportKind kind, SheetSource content, string? fileName = null, string? sheet = null, string? encoding = null, IReadOnlyList<ColumnChoiceDto>? choices = null)
    {
        var file = SheetFile.Open(content, fileName, sheet, MaxRows, encoding);
        return Open(kind, file, choices);
    }

    /// <summary>Reads one kind from an opened file (a workbook's sheet).</summary>
    public static ImportTable Open(ImportKind kind, SheetFile file, IReadOnlyList<ColumnChoiceDto>? choices)
    {
        var header = FindHeader(kind, file.Rows().Take(HeaderSearchRows))
            ?? throw new UnreadableFileException(file.Format.Type == "xlsx" ? $"The sheet '{file.Format.Sheet}' is empty." : "The file holds no rows.");
        var columns = ColumnMatcher.Match(kind, header.Cells);
        if (choices is not null)
        {
            columns = ColumnMatcher.Choose(kind, columns, choices);
        }

        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("|", header.Cells.Select(NaturalKeys.Of)))));
        return new ImportTable(file, kind, header.Line, columns, key);
    }

    /// <summary>
    /// The row that names the most of the kind's fields (the first of equals); when none names any, the first row with
    /// two or more cells (a header of unknown columns, which the mapping step reports as such).
    /// </summary>
    internal static SheetRow? FindHeader(ImportKind kind, IEnumerable<SheetRow> firstRows)
    {
        var rows = firstRows.ToList();
        var scored = rows.Select(r => (Row: r, Score: ColumnMatcher.Recognised(kind, r.Cells))).ToList();
        var best = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row.Line).FirstOrDefault();
        return best.Score > 0 ? best.Row : rows.FirstOrDefault(r => r.Cells.Count(c => c is not null) >= 2) ?? rows.FirstOrDefault();
    }

    /// <summary>The data rows below the header, each value trimmed text (null when blank), keyed by field.</summary>
    public IEnumerable<ImportRow> Rows()
    {
        var mapped = Columns.Where(c => c.Field is not null).ToArray();
        var fields = new RowFields([.. mapped.Select(c => (c.Field!, c.Index))]);
        foreach (var row in file.Rows())
        {
            if (row.Line > HeaderLine)
            {
                yield return new ImportRow(row.Line, new RowValues(fields, row), row.FormulaCells.Count == 0 ? [] : FormulaFields(mapped, row));
            }
        }
    }

    // IReadOnlyList, not List: the other branch of the caller's "?:" is "[]", which would otherwise be a new List per row.
    private static IReadOnlyList<string> FormulaFields(ColumnMappingDto[] mapped, SheetRow row) =>
        [.. mapped.Where(c => row.FormulaCells.Contains(c.Index)).Select(c => c.Field!)];
}
