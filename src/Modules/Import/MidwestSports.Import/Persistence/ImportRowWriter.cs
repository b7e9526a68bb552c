using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Import.Persistence;

/// <summary>
/// Writes an import's file and its planned rows with PostgreSQL's COPY, in the caller's transaction: a row at a time
/// from the planner (nothing holds the whole file as objects), and none of it through the change tracker, so the audit
/// log gets one entry per import rather than one per row.
/// </summary>
internal sealed class ImportRowWriter(ImportDbContext db) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private NpgsqlBinaryImporter? importer;

    public async Task SaveFileAsync(Guid importId, byte[] content, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("INSERT INTO import.import_files (import_id, content) VALUES ($1, $2)", Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = importId });
        command.Parameters.Add(new NpgsqlParameter { Value = content });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task WriteAsync(Guid importId, RowPlan plan, CancellationToken ct)
    {
        importer ??= await Connection.BeginBinaryImportAsync(
            "COPY import.import_rows (import_id, line, action, city_id, target_id, values, changes, problems) FROM STDIN (FORMAT BINARY)", ct);
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(importId, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(plan.Line, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(plan.Action.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(plan.CityId, ct);
        await WriteNullableAsync(plan.TargetId, ct);
        await importer.WriteAsync(JsonSerializer.Serialize(plan.Values, Json), NpgsqlDbType.Jsonb, ct);
        await importer.WriteAsync(JsonSerializer.Serialize(plan.Changes, Json), NpgsqlDbType.Jsonb, ct);
        await importer.WriteAsync(JsonSerializer.Serialize(plan.Problems, Json), NpgsqlDbType.Jsonb, ct);
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

    public async ValueTask DisposeAsync()
    {
        if (importer is not null)
        {
            await importer.DisposeAsync();
        }
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private async Task WriteNullableAsync(Guid? value, CancellationToken ct)
    {
        if (value is { } id)
        {
            await importer!.WriteAsync(id, NpgsqlDbType.Uuid, ct);
        }
        else
        {
            await importer!.WriteNullAsync(ct);
        }
    }
}
