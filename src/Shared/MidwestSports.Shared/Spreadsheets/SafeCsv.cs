namespace MidwestSports.Shared.Spreadsheets;

/// <summary>Writing CSV that admins open in a spreadsheet: every export and error file quotes and defuses cells the same way.</summary>
public static class SafeCsv
{
    /// <summary>CSV-quotes a value and defuses formula injection: a leading =, +, -, @, tab or CR gets a leading apostrophe.</summary>
    public static string Cell(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));
}
