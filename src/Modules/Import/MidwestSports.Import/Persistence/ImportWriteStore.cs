using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Import.Persistence;

/// <summary>
/// The checked writes between the commit request and the commit job (<see cref="ImportWriteRecord"/>): the request
/// COPYs them in as it plans each row, in its transaction; the job reads them back a page at a time, kind by kind, in
/// the order of the file.
/// </summary>
internal sealed class ImportWriteStore(ImportDbContext db) : IAsyncDisposable
{
    /// <summary>The job reads this many writes per query.</summary>
    public const int PageSize = 1_000;

    private readonly JsonRowBuffer json = new();

    private NpgsqlBinaryImporter? importer;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>Forgets an import's writes (a commit asked again after one that failed, or a finished commit).</summary>
    public Task ClearAsync(Guid importId, CancellationToken ct) => db.Writes.Where(w => w.ImportId == importId).ExecuteDeleteAsync(ct);

    public async Task AddAsync(Guid importId, ImportKind kind, PlannedWrite write, CancellationToken ct)
    {
        importer ??= await Connection.BeginBinaryImportAsync(
            "COPY import.import_writes (import_id, row_id, kind, line, action, write) FROM STDIN (FORMAT BINARY)", ct);
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(importId, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(write.RowId, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(kind.ToString(), NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(write.Line, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(write.Action.ToString(), NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(json.Of(write.Write, write.Write.GetType()), NpgsqlDbType.Jsonb, ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (importer is not null)
        {
            await importer.CompleteAsync(ct);
            await importer.DisposeAsync();
            importer = null;
        }
    }

    /// <summary>An import's writes of one kind, in row order, each as the kind's write type (<see cref="IImportKind.WriteType"/>).</summary>
    public async IAsyncEnumerable<PlannedWrite> ReadAsync(Guid importId, ImportKind kind, Type writeType, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = int.MinValue;
        while (true)
        {
            var page = await db.Writes.AsNoTracking()
                .Where(w => w.ImportId == importId && w.Kind == kind && w.RowId > after)
                .OrderBy(w => w.RowId)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var record in page)
            {
                var write = JsonSerializer.Deserialize(record.Write, writeType, ImportBatch.Json)
                    ?? throw new InvalidOperationException($"Import {importId}, row {record.RowId}: the stored write is empty.");
                yield return new PlannedWrite(record.RowId, record.Line, record.Action, write);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].RowId;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.DisposeAsync();
        }
    }
}
