using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using UtfUnknown;

namespace MidwestSports.Trivia.Upload;

/// <summary>A partner export as a table of text: its header, its rows (numbered as a spreadsheet shows them), and how it was read.</summary>
internal sealed record NightFile(string Encoding, string? Delimiter, IReadOnlyList<string> Headers, IReadOnlyList<NightFileRow> Rows, IReadOnlyList<string> Problems);

internal sealed record NightFileRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>The file is not something we can read at all (the whole upload is refused with this message).</summary>
internal sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads a CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab, detected) or an XLSX (its
/// first sheet) with maintained parsers: CsvHelper, MiniExcel, and UTF.Unknown to name a legacy encoding.
/// </summary>
internal static class NightFileReader
{
    public const int MaxRows = 20_000;

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();

    static NightFileReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static NightFile Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new UnreadableFileException("The file is empty.");
        }

        return content.AsSpan().StartsWith(ZipMagic) ? ReadXlsx(content)
            : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? throw new UnreadableFileException("The file is named .xlsx but is not an Excel workbook.")
            : ReadCsv(content);
    }

    private static NightFile ReadXlsx(byte[] content)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            sheet = [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Take(MaxRows + 2).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new UnreadableFileException("The workbook could not be read (is it an .xlsx saved by Excel or a compatible program?).");
        }

        if (sheet.Count == 0)
        {
            throw new UnreadableFileException("The first sheet of the workbook is empty.");
        }

        var columns = sheet[0].Keys.ToList();
        var headers = columns.Select(c => Cell(sheet[0][c]) ?? string.Empty).ToList();
        var rows = sheet.Skip(1).Select((r, i) => new NightFileRow(i + 2, [.. columns.Select(c => r.TryGetValue(c, out var v) ? Cell(v) : null)]))
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        return new NightFile("xlsx", null, headers, rows, []);
    }

    /// <summary>A workbook cell as text: numbers invariant, dates ISO (a time of day alone as hh:mm).</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.Date <= new DateTime(1900, 1, 1) => d.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static NightFile ReadCsv(byte[] content)
    {
        var (encoding, text) = Decode(content);
        var problems = new List<string>();
        if (text.Contains('\uFFFD', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add($"Some characters could not be read as {encoding}: save the file as UTF-8 CSV and upload it again.");
        }

        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, TrimWhitespace = true });
        var rows = new List<NightFileRow>();
        while (reader.Read())
        {
            if (rows.Count > MaxRows)
            {
                break;
            }

            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add(new NightFileRow((int)reader.RowNumber + 1, cells));
        }

        var separator = reader.Separator.ToString() switch { "\t" => "tab", var s => s };
        return new NightFile(encoding, separator, [.. reader.Headers], rows, problems);
    }

    /// <summary>A byte order mark decides; then strict UTF-8; then a multi-byte encoding the detector is sure of; otherwise Windows-1252.</summary>
    private static (string Name, string Text) Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith("\uFEFF"u8) || content.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || content.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            using var withBom = new StreamReader(new MemoryStream(content), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var text = withBom.ReadToEnd();
            return (withBom.CurrentEncoding switch { UnicodeEncoding u when u.GetPreamble()[0] == 0xFE => "UTF-16BE", UnicodeEncoding => "UTF-16", _ => "UTF-8 (BOM)" }, text);
        }

        try
        {
            return ("UTF-8", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content));
        }
        catch (DecoderFallbackException)
        {
            // The partner exports from US Windows: an 8-bit file is Windows-1252. The detector's guess among single-byte code
            // pages is unreliable on short files (it reads "Généralistes" as Central European), so it only decides a
            // multi-byte encoding (UTF-16 without BOM, Shift_JIS…) it is sure of.
            var detected = CharsetDetector.DetectFromBytes(content).Detected;
            var encoding = detected?.Encoding is { IsSingleByte: false, CodePage: not 65001 } e && detected.Confidence >= 0.8f ? e : System.Text.Encoding.GetEncoding(1252);
            return (encoding.CodePage == 1252 ? "Windows-1252" : encoding.WebName, encoding.GetString(content));
        }
    }
}
