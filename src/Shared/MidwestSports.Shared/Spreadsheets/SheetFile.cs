using System.IO.Compression;

namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// A CSV or XLSX upload, opened for reading: what it is (by its bytes, not its name), how it is encoded, and its rows as
/// a stream (<see cref="Rows"/> reads them one at a time from the <see cref="SheetSource"/>; nothing holds the whole
/// table as objects, or the whole file as bytes). Anything that is not
/// a table (an image, an archive, a password-protected or 97-2003 workbook, an empty file) is refused up front.
/// </summary>
public sealed class SheetFile
{
    /// <summary>A zip entry may inflate at most this much (a zip bomb inflates thousands of times).</summary>
    private const int MaxCompressionRatio = 200;

    private const long MaxInflatedBytes = 400L * 1024 * 1024;

    /// <summary>The longest sheet name read (Excel itself allows 31 characters).</summary>
    public const int MaxSheetName = 100;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly byte[] CompoundDocument = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly (byte[] Magic, string What)[] NotTables =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), ("GIF8"u8.ToArray(), "a GIF image"),
        ("%PDF"u8.ToArray(), "a PDF document"), ([0x1F, 0x8B], "a gzip archive"), ("Rar!"u8.ToArray(), "a RAR archive"), ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
    ];

    private readonly SheetSource content;
    private readonly int maxRows;
    private readonly CsvSheet? csv;

    private SheetFile(SheetSource content, int maxRows, SheetFormat format, CsvSheet? csv)
    {
        this.content = content;
        this.maxRows = maxRows;
        this.csv = csv;
        Format = format;
    }

    public SheetFormat Format { get; }

    /// <summary>The encodings an admin may choose for a CSV instead of the detected one.</summary>
    public static IReadOnlyList<string> Encodings => CsvSheet.Encodings;

    /// <summary>
    /// Opens <paramref name="content"/>; <paramref name="sheet"/> picks a worksheet by name (default: the first), and
    /// <paramref name="encoding"/> reads a CSV with that encoding instead of the detected one.
    /// </summary>
    public static SheetFile Open(SheetSource content, string? fileName = null, string? sheet = null, int maxRows = int.MaxValue, string? encoding = null)
    {
        var bytes = content.Prefix(CompoundDocument.Length).AsSpan();
        if (IsEmpty(content))
        {
            throw new UnreadableFileException("The file is empty.");
        }

        if (bytes.StartsWith(CompoundDocument))
        {
            throw new UnreadableFileException("This is a password-protected workbook or an Excel 97-2003 (.xls) file: remove the password or save it as .xlsx or CSV, then upload it again.");
        }

        foreach (var (magic, what) in NotTables)
        {
            if (bytes.StartsWith(magic))
            {
                throw new UnreadableFileException($"This is {what}, not a spreadsheet: upload a CSV or an .xlsx workbook.");
            }
        }

        if (IsMarkup(content))
        {
            throw new UnreadableFileException("This is an HTML or XML document (or an SVG image), not a spreadsheet: upload a CSV or an .xlsx workbook.");
        }

        if (bytes.StartsWith(Zip))
        {
            var sheets = WorkbookSheets(content);
            var chosen = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s, sheet, StringComparison.OrdinalIgnoreCase))
                ?? throw new UnreadableFileException($"The workbook has no sheet named '{sheet}'. Its sheets: {string.Join(", ", sheets)}.");
            return new SheetFile(content, maxRows, new SheetFormat("xlsx", null, null, chosen, sheets), null);
        }

        if (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new UnreadableFileException("The file is named .xlsx but is not an Excel workbook.");
        }

        var text = CsvSheet.Open(content, encoding);
        return new SheetFile(content, maxRows, new SheetFormat("csv", text.EncodingName, text.Delimiter, null, []), text);
    }

    /// <summary>The non-blank rows, read as they are enumerated; more than the row limit throws <see cref="TooManyRowsException"/>.</summary>
    public IEnumerable<SheetRow> Rows()
    {
        var rows = csv is not null ? csv.Rows() : XlsxSheet.Rows(content, Format.Sheet!);
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > maxRows)
            {
                throw new TooManyRowsException(maxRows);
            }

            yield return row;
        }
    }

    /// <summary>Text whose first character (after a UTF-8 byte order mark and blanks) opens a tag: no header row starts so.</summary>
    private static bool IsMarkup(SheetSource content)
    {
        var start = content.Prefix(256).AsSpan();
        start = start.StartsWith("\uFEFF"u8) ? start[3..] : start;
        start = start.TrimStart(" \t\r\n"u8);
        return !start.IsEmpty && start[0] == (byte)'<';
    }

    /// <summary>No bytes, or only NUL bytes (read until the first other one, which is almost always the first byte).</summary>
    private static bool IsEmpty(SheetSource content)
    {
        using var stream = content.Open();
        Span<byte> buffer = stackalloc byte[4096];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (!buffer[..read].Trim((byte)0).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A zip that is a workbook, inflating to a sane size: its sheet names. Anything else is refused.</summary>
    private static List<string> WorkbookSheets(SheetSource content)
    {
        try
        {
            // The zip reader does not close a stream it failed to read: the stream is disposed here either way.
            using (var stream = content.Open())
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.GetEntry("xl/workbook.xml") is null)
                {
                    throw new UnreadableFileException("This is a zip archive, not an Excel workbook: upload a CSV or an .xlsx workbook.");
                }

                var inflated = 0L;
                foreach (var entry in zip.Entries)
                {
                    inflated += entry.Length;
                    if (inflated > MaxInflatedBytes || (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * MaxCompressionRatio))
                    {
                        throw new UnreadableFileException("The workbook inflates to far more than a spreadsheet holds (a zip bomb?): it was not read.");
                    }
                }
            }

            var sheets = XlsxSheet.Names(content);
            if (sheets.Find(s => s.Length > MaxSheetName) is { } tooLong)
            {
                throw new UnreadableFileException($"The sheet '{tooLong[..40]}…' has a name longer than {MaxSheetName} characters (Excel allows 31): rename it.");
            }

            return sheets.Count > 0 ? sheets : throw new UnreadableFileException("The workbook has no sheets.");
        }
        catch (InvalidDataException)
        {
            throw new UnreadableFileException("The workbook could not be read (is it an .xlsx saved by Excel or a compatible program?).");
        }
    }
}
