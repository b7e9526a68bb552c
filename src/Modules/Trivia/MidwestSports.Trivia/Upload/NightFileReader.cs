using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Trivia.Upload;

/// <summary>A partner export as a table of text: its header, its rows (numbered as the file or sheet shows them), and how it was read.</summary>
internal sealed record NightFile(string Encoding, string? Delimiter, IReadOnlyList<string> Headers, IReadOnlyList<NightFileRow> Rows, IReadOnlyList<string> Problems);

internal sealed record NightFileRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>
/// Reads the partner's export through the shared <see cref="SheetFile"/> (CSV in any of the encodings and delimiters
/// admins' files come in, or the first sheet of an XLSX): the first non-blank row is the header.
/// </summary>
internal static class NightFileReader
{
    public const int MaxRows = 20_000;

    /// <summary>Reads the file; more than <see cref="MaxRows"/> data rows throws <see cref="TooManyRowsException"/>.</summary>
    public static NightFile Read(string fileName, byte[] content)
    {
        var file = SheetFile.Open(content, fileName, maxRows: MaxRows + 1);
        IReadOnlyList<string>? headers = null;
        var rows = new List<NightFileRow>();
        var unreadable = false;
        foreach (var row in file.Rows())
        {
            unreadable |= row.Cells.Any(c => c?.Contains('\uFFFD', StringComparison.Ordinal) == true);
            if (headers is null)
            {
                headers = [.. row.Cells.Select(c => c ?? string.Empty)];
                continue;
            }

            rows.Add(new NightFileRow(row.Line, row.Cells));
        }

        if (headers is null)
        {
            throw new UnreadableFileException(file.Format.Type == "xlsx" ? "The first sheet of the workbook is empty." : "The file has no header row.");
        }

        var encoding = file.Format.Encoding ?? file.Format.Type;
        string[] problems = unreadable ? [$"Some characters could not be read as {encoding}: save the file as UTF-8 CSV and upload it again."] : [];
        return new NightFile(encoding, file.Format.Delimiter, headers, rows, problems);
    }
}
