using System.Buffers;
using System.Text;
using CsvHelper;
using UtfUnknown;

namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// A CSV as rows, read by CsvHelper (RFC 4180 quoting, line breaks in quoted fields, the delimiter detected among
/// comma, semicolon, tab and pipe) from a stream, a buffer at a time. The encoding is decided once, in one pass over the bytes: a byte order mark; else strict UTF-8; else a multi-byte
/// encoding the detector is sure of (UTF-16 without a mark); else Windows-1252, what Excel on US Windows saves.
/// </summary>
internal sealed class CsvSheet
{
    /// <summary>How much of the file the encoding check reads at a time.</summary>
    private const int ScanBuffer = 64 * 1024;

    /// <summary>The longest record read: one unclosed quote must not make the rest of a 20 MB file one record.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    private readonly SheetSource source;
    private readonly int offset;
    private readonly Encoding? encoding;
    private readonly char separator;

    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private CsvSheet(SheetSource source, int offset, Encoding? encoding, string encodingName, char separator)
    {
        this.source = source;
        this.offset = offset;
        this.encoding = encoding;
        this.separator = separator;
        EncodingName = encodingName;
    }

    public string EncodingName { get; }

    public string Delimiter => separator == '\t' ? "tab" : separator.ToString();

    /// <summary>The encodings an admin may choose instead of the detected one (names as shown, case ignored).</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["UTF-8", "UTF-16", "UTF-16BE", "Windows-1252"];

    /// <summary>Opens the text: its encoding detected, or <paramref name="encodingName"/> (one of <see cref="Encodings"/>) when given.</summary>
    public static CsvSheet Open(SheetSource source, string? encodingName = null)
    {
        var (offset, encoding, name) = encodingName is null ? Decide(source) : Chosen(source, encodingName);
        char separator;
        using (var probe = CsvReader.Create(source.OpenAt(offset), Options(encoding, separator: null), leaveOpen: false))
        {
            try
            {
                separator = probe.Separator;
            }
            catch (CsvFormatException)
            {
                separator = ',';
            }
        }

        return new CsvSheet(source, offset, encoding, name, separator is ',' or ';' or '\t' or '|' ? separator : ',');
    }

    public IEnumerable<SheetRow> Rows()
    {
        using var reader = CsvReader.Create(source.OpenAt(offset), Options(encoding, separator), leaveOpen: false);
        while (Read(reader))
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
                yield return new SheetRow((int)reader.LineNumber, cells, formulas is null ? [] : Within(formulas, cells.Length));
            }
        }
    }

    /// <summary>The next record; one CsvHelper cannot read (a field past <see cref="MaxRecordBytes"/>: an unclosed quote, or a file read in the wrong encoding) ends the read with its line.</summary>
    private static bool Read(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new UnreadableFileException(
                $"Line {(ex.LineNumber > 0 ? ex.LineNumber : reader.LineNumber + 1)} starts a record longer than {MaxRecordBytes / 1024 / 1024} MB: a quote that is never closed, or the file read in the wrong encoding. Fix the file, or choose its encoding.");
        }
    }

    /// <summary>The formula cells left once trailing blank cells are dropped.</summary>
    private static int[] Within(List<int> formulas, int length) => [.. formulas.Where(i => i < length)];

    private static CsvReaderOptions Options(Encoding? encoding, char? separator) => new()
    {
        HasHeader = false,
        TrimWhitespace = false,
        TrackLineNumbers = true,
        Encoding = encoding,
        Separator = separator,
        MaxRecordSize = MaxRecordBytes,
    };

    private static (int Offset, Encoding? Encoding, string Name) Chosen(SheetSource source, string encodingName)
    {
        var prefix = source.Prefix(3).AsSpan();
        var name = Encodings.FirstOrDefault(e => string.Equals(e, encodingName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UnreadableFileException($"'{encodingName}' is not an encoding this reader offers: choose one of {string.Join(", ", Encodings)}.");
        return name switch
        {
            "UTF-8" => (prefix.StartsWith("\uFEFF"u8) ? 3 : 0, null, name),
            "UTF-16" => (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? 2 : 0, Encoding.Unicode, name),
            "UTF-16BE" => (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? 2 : 0, Encoding.BigEndianUnicode, name),
            _ => (0, Encoding.GetEncoding(1252), name),
        };
    }

    private static (int Offset, Encoding? Encoding, string Name) Decide(SheetSource source)
    {
        var prefix = source.Prefix(3).AsSpan();
        if (prefix.StartsWith("\uFEFF"u8))
        {
            return (3, null, "UTF-8 (BOM)");
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (2, Encoding.Unicode, "UTF-16");
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (2, Encoding.BigEndianUnicode, "UTF-16BE");
        }

        var (hasNul, validUtf8) = Scan(source);
        if (!hasNul && validUtf8)
        {
            return (0, null, "UTF-8");
        }

        // The detector's guess among single-byte code pages is unreliable on short files, so it only decides a multi-byte
        // encoding (UTF-16 without a byte order mark, Shift_JIS…) it is sure of.
        DetectionDetail? detected;
        using (var stream = source.Open())
        {
            detected = CharsetDetector.DetectFromStream(stream).Detected;
        }

        if (detected?.Encoding is { IsSingleByte: false, CodePage: not 65001 } sure && detected.Confidence >= 0.8f)
        {
            return (0, sure, sure.CodePage switch { 1200 => "UTF-16", 1201 => "UTF-16BE", _ => sure.WebName });
        }

        if (hasNul)
        {
            throw new UnreadableFileException("This is not a text (CSV) file or a workbook: upload a CSV or an .xlsx workbook.");
        }

        return (0, Encoding.GetEncoding(1252), "Windows-1252");
    }

    /// <summary>
    /// One pass over the bytes, a buffer at a time: whether any byte is NUL (binary, or UTF-16 without a mark), and whether
    /// the whole is strict UTF-8. A character split between two buffers is carried over by the decoder, and one cut off
    /// at the end of the file makes it invalid.
    /// </summary>
    private static (bool HasNul, bool ValidUtf8) Scan(SheetSource source)
    {
        // GetChars, not GetCharCount: only decoding carries a character cut by the buffer's end over to the next buffer.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = ArrayPool<byte>.Shared.Rent(ScanBuffer);
        var chars = ArrayPool<char>.Shared.Rent(ScanBuffer + 4);
        var (hasNul, valid) = (false, true);
        try
        {
            using var stream = source.Open();
            int read;
            while (!hasNul && (read = stream.ReadAtLeast(buffer.AsSpan(0, ScanBuffer), ScanBuffer, throwOnEndOfStream: false)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                hasNul = chunk.Contains((byte)0);
                valid = valid && !hasNul && Decodes(decoder, chunk, chars, flush: false);
            }

            return (hasNul, valid && !hasNul && Decodes(decoder, [], chars, flush: true));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool Decodes(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, bool flush)
    {
        try
        {
            decoder.GetChars(bytes, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
