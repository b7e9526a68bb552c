namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// One non-blank row of a CSV or a worksheet. <see cref="Line"/> is where an admin finds it: the file's line where the
/// record starts (a quoted field with line breaks spans several) or the worksheet's row number. Cells are trimmed text,
/// null when blank, trailing blank cells dropped. <see cref="FormulaCells"/> are the cells that began with = + - @, a tab
/// or a carriage return (and are not a number): a spreadsheet would run them as a formula, so they are kept as text and flagged.
/// </summary>
public sealed record SheetRow(int Line, IReadOnlyList<string?> Cells, IReadOnlyList<int> FormulaCells)
{
    public SheetRow(int line, IReadOnlyList<string?> cells)
        : this(line, cells, [])
    {
    }

    public string? this[int index] => index < Cells.Count ? Cells[index] : null;
}

/// <summary>How a file was read: "csv" with its encoding and delimiter, or "xlsx" with the sheet read and the sheets it holds.</summary>
public sealed record SheetFormat(string Type, string? Encoding, string? Delimiter, string? Sheet, IReadOnlyList<string> Sheets);

/// <summary>The file cannot be read as a table at all: the whole upload is refused with this message (a 400), nothing stored.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>The file holds more rows than allowed: refused whole (a 400), nothing stored.</summary>
public sealed class TooManyRowsException(int limit) : Exception($"The file has more than {limit:N0} rows; split it into smaller files.")
{
    public int Limit { get; } = limit;
}
