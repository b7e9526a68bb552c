using System.Text;
using System.Text.Unicode;
using CsvHelper;
using UtfUnknown;

namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// A CSV as rows, read by CsvHelper (RFC 4180 quoting, line breaks in quoted fields, the delimiter detected among
/// comma, semicolon, tab and pipe). The encoding is decided once: a byte order mark; else strict UTF-8; else a multi-byte
/// encoding the detector is sure of (UTF-16 without a mark); else Windows-1252, what Excel on US Windows saves.
/// </summary>
internal sealed class CsvSheet
{
    private readonly ReadOnlyMemory<byte> content;
    private readonly Encoding? encoding;
    private readonly char separator;

    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private CsvSheet(ReadOnlyMemory<byte> content, Encoding? encoding, string encodingName, char separator)
    {
        this.content = content;
        this.encoding = encoding;
        this.separator = separator;
        EncodingName = encodingName;
    }

    public string EncodingName { get; }

    public string Delimiter => separator == '\t' ? "tab" : separator.ToString();

    /// <summary>The encodings an admin may choose instead of the detected one (names as shown, case ignored).</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["UTF-8", "UTF-16", "UTF-16BE", "Windows-1252"];

    /// <summary>Opens the text: its encoding detected, or <paramref name="encodingName"/> (one of <see cref="Encodings"/>) when given.</summary>
    public static CsvSheet Open(byte[] bytes, string? encodingName = null)
    {
        var (body, encoding, name) = encodingName is null ? Decide(bytes) : Chosen(bytes, encodingName);
        using var probe = CsvReader.Create(body, Options(encoding, separator: null));
        char separator;
        try
        {
            separator = probe.Separator;
        }
        catch (CsvFormatException)
        {
            separator = ',';
        }

        return new CsvSheet(body, encoding, name, separator is ',' or ';' or '\t' or '|' ? separator : ',');
    }

    public IEnumerable<SheetRow> Rows()
    {
        using var reader = CsvReader.Create(content, Options(encoding, separator));
        while (reader.Read())
        {
            var raw = new string?[reader.FieldCount];
            List<int>? formulas = null;
            for (var i = 0; i < raw.Length; i++)
            {
                var value = reader.GetString(i);
                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    throw new UnreadableFileException($"Line {reader.LineNumber} holds binary data: this is not a text (CSV) file.");
                }

                if (Cells.IsFormulaLike(value))
                {
                    (formulas ??= []).Add(i);
                }

                raw[i] = Cells.Clean(value);
            }

            var cells = Cells.TrimEnd(raw);
            if (cells.Length > 0)
            {
                yield return new SheetRow((int)reader.LineNumber, cells, formulas?.Where(i => i < cells.Length).ToArray() ?? []);
            }
        }
    }

    private static CsvReaderOptions Options(Encoding? encoding, char? separator) => new()
    {
        HasHeader = false,
        TrimWhitespace = false,
        TrackLineNumbers = true,
        Encoding = encoding,
        Separator = separator,
        // One unclosed quote must not make the rest of a 20 MB file one record.
        MaxRecordSize = 1024 * 1024,
    };

    private static (ReadOnlyMemory<byte> Body, Encoding? Encoding, string Name) Chosen(byte[] bytes, string encodingName)
    {
        var span = bytes.AsSpan();
        var name = Encodings.FirstOrDefault(e => string.Equals(e, encodingName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UnreadableFileException($"'{encodingName}' is not an encoding this reader offers: choose one of {string.Join(", ", Encodings)}.");
        return name switch
        {
            "UTF-8" => (span.StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes, null, name),
            "UTF-16" => (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? bytes.AsMemory(2) : bytes, Encoding.Unicode, name),
            "UTF-16BE" => (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? bytes.AsMemory(2) : bytes, Encoding.BigEndianUnicode, name),
            _ => (bytes, Encoding.GetEncoding(1252), name),
        };
    }

    private static (ReadOnlyMemory<byte> Body, Encoding? Encoding, string Name) Decide(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            return (bytes.AsMemory(3), null, "UTF-8 (BOM)");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (bytes.AsMemory(2), Encoding.Unicode, "UTF-16");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (bytes.AsMemory(2), Encoding.BigEndianUnicode, "UTF-16BE");
        }

        var hasNul = span.Contains((byte)0);
        if (!hasNul && Utf8.IsValid(span))
        {
            return (bytes, null, "UTF-8");
        }

        // The detector's guess among single-byte code pages is unreliable on short files, so it only decides a multi-byte
        // encoding (UTF-16 without a byte order mark, Shift_JIS…) it is sure of.
        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        if (detected?.Encoding is { IsSingleByte: false, CodePage: not 65001 } sure && detected.Confidence >= 0.8f)
        {
            return (bytes, sure, sure.CodePage switch { 1200 => "UTF-16", 1201 => "UTF-16BE", _ => sure.WebName });
        }

        if (hasNul)
        {
            throw new UnreadableFileException("This is not a text (CSV) file or a workbook: upload a CSV or an .xlsx workbook.");
        }

        return (bytes, Encoding.GetEncoding(1252), "Windows-1252");
    }
}
