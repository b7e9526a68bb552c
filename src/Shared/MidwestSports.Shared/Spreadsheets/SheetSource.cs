namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// A file's bytes as a stream that can be opened again from the start (a header search and then every row read it
/// twice), and its length: an upload buffered by the request, a stored import copied to a temporary file, or an array.
/// The readers take the bytes a buffer at a time, so a 20 MB file is never held whole in memory. Each
/// <see cref="Open"/> gives a new seekable stream the caller disposes.
/// </summary>
public sealed class SheetSource
{
    private readonly Func<Stream> open;

    private SheetSource(Func<Stream> open, long length)
    {
        this.open = open;
        Length = length;
    }

    public long Length { get; }

    public static SheetSource Of(Func<Stream> open, long length) => new(open, length);

    public static SheetSource Of(byte[] bytes) => new(() => new MemoryStream(bytes, writable: false), bytes.Length);

    public static implicit operator SheetSource(byte[] bytes) => Of(bytes);

    public Stream Open() => open();

    /// <summary>The first <paramref name="count"/> bytes (fewer when the file is shorter): what a file type or a byte order mark is told by.</summary>
    public byte[] Prefix(int count)
    {
        using var stream = Open();
        var prefix = new byte[(int)Math.Min(count, Length)];
        stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        return prefix;
    }

    /// <summary>A stream positioned <paramref name="offset"/> bytes in (past a byte order mark).</summary>
    public Stream OpenAt(int offset)
    {
        var stream = Open();
        if (offset > 0)
        {
            stream.Seek(offset, SeekOrigin.Begin);
        }

        return stream;
    }
}
