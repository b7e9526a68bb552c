using System.Data;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Spreadsheets;
using Npgsql;

namespace MidwestSports.Import.Persistence;

/// <summary>
/// An import's file as a local temporary copy that the readers open as often as they need (a header search, then every
/// row), deleted when disposed. The stored file is streamed into it once out of the database (sequential access: the
/// column is never buffered whole), and an upload is copied into it from the request's buffer. So the upload's checks,
/// the analysis, the commit's re-check, a mapping change and the errors file each read the file a buffer at a time;
/// none holds its bytes in memory (a 20 MB file was two 20 MB arrays per reading: the driver's row buffer and the copy),
/// and every reader gets an ordinary seekable file stream.
/// </summary>
internal sealed class ImportFileCopy : IAsyncDisposable
{
    private readonly string path;

    private ImportFileCopy(string path, long length)
    {
        this.path = path;
        Source = SheetSource.Of(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan), length);
    }

    public SheetSource Source { get; }

    /// <summary>Where the copy is (for tests).</summary>
    internal string FilePath => path;

    /// <summary>Where the copies live while they are read.</summary>
    private static string Directory => Path.Combine(Path.GetTempPath(), "midwest-imports");

    /// <summary>The stored file of <paramref name="importId"/>.</summary>
    public static async Task<ImportFileCopy> OfStoredAsync(ImportDbContext db, Guid importId, CancellationToken ct)
    {
        ImportFileCopy? copy = null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var command = new NpgsqlCommand("SELECT content FROM import.import_files WHERE import_id = $1", (NpgsqlConnection)db.Database.GetDbConnection()))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = importId });
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException($"The file of import {importId} is not stored.");
                }

                await using var content = await reader.GetStreamAsync(0, ct);
                copy = await OfAsync(content, importId.ToString("N"), ct);
            }

            await db.Database.CloseConnectionAsync();
            return copy;
        }
        catch
        {
            // Whatever failed after the copy was made (closing the reader or the connection) must not leave it on disk.
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>An upload, read to its end; the copy's name starts with <paramref name="prefix"/>.</summary>
    public static async Task<ImportFileCopy> OfUploadAsync(Stream content, CancellationToken ct, string prefix = "upload")
    {
        ImportFileCopy? copy = null;
        try
        {
            await using (content)
            {
                copy = await OfAsync(content, prefix, ct);
            }

            return copy;
        }
        catch when (copy is not null)
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(path);
        return ValueTask.CompletedTask;
    }

    private static async Task<ImportFileCopy> OfAsync(Stream content, string prefix, CancellationToken ct)
    {
        // Admins' uploads hold personal data: the folder and the copies are the app's user's alone.
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(Directory, $"{prefix}-{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 64 * 1024, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new FileStream(path, options))
            {
                await content.CopyToAsync(file, ct);
            }

            return new ImportFileCopy(path, new FileInfo(path).Length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
