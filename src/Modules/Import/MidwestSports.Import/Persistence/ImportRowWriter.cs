using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using MidwestSports.Shared.Spreadsheets;
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
    /// <summary>An empty list's JSON: most rows have no changes, problems or suggestions.</summary>
    private static readonly ReadOnlyMemory<byte> EmptyArray = "[]"u8.ToArray();

    private readonly JsonRowBuffer json = new();

    private NpgsqlBinaryImporter? importer;

    /// <summary>
    /// Stores the file, streamed from its source into the column: the driver sends a seekable stream a buffer at a time.
    /// No <c>Size</c> is given: with one, Npgsql wraps the stream in a part-stream that cannot seek and copies it whole
    /// into a <see cref="MemoryStream"/> first (a 20 MB upload held twice over, in the large-object heap).
    /// </summary>
    public async Task SaveFileAsync(Guid importId, SheetSource content, CancellationToken ct)
    {
        await using var stream = content.Open();
        await using var command = new NpgsqlCommand("INSERT INTO import.import_files (import_id, content) VALUES ($1, $2)", Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = importId });
        command.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task WriteAsync(Guid importId, PlannedRow row, CancellationToken ct)
    {
        var plan = row.Plan;
        importer ??= await Connection.BeginBinaryImportAsync(
            "COPY import.import_rows (import_id, row_id, kind, sheet, line, action, city_id, target_id, target_version, values, changes, problems, suggestions, decision, decided_target_id) FROM STDIN (FORMAT BINARY)", ct);
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(importId, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(row.RowId, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(row.Kind.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Sheet, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(plan.Line, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(plan.Action.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(plan.CityId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(plan.TargetId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(plan.TargetVersion, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(json.OfTexts(plan.Values), NpgsqlDbType.Jsonb, ct);
        await importer.WriteAsync(JsonArray(plan.Changes), NpgsqlDbType.Jsonb, ct);
        await importer.WriteAsync(JsonArray(plan.Problems), NpgsqlDbType.Jsonb, ct);
        await importer.WriteAsync(JsonArray(plan.Suggestions), NpgsqlDbType.Jsonb, ct);
        await WriteNullableAsync(row.Choice?.Decision.ToString(), NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Choice?.TargetId, NpgsqlDbType.Uuid, ct);
    }

    /// <summary>
    /// Starts recording what applied rows did: they are COPYed into a temporary table as they come
    /// (<see cref="AddAppliedAsync"/>), then joined into the import's rows at once (<see cref="SaveAppliedAsync"/>).
    /// </summary>
    public async Task BeginAppliedAsync(CancellationToken ct)
    {
        await using var create = new NpgsqlCommand("CREATE TEMP TABLE import_applied (row_id int PRIMARY KEY, applied_id uuid, applied_version bigint, before jsonb) ON COMMIT DROP", Connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task AddAppliedAsync(IReadOnlyList<AppliedRow> applied, CancellationToken ct)
    {
        await using var copy = await Connection.BeginBinaryImportAsync("COPY import_applied (row_id, applied_id, applied_version, before) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in applied)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.RowId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint, ct);
            if (row.Before is null)
            {
                await copy.WriteNullAsync(ct);
            }
            else
            {
                await copy.WriteAsync(row.Before, NpgsqlDbType.Jsonb, ct);
            }
        }

        await copy.CompleteAsync(ct);
    }

    public async Task SaveAppliedAsync(Guid importId, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand(
            "UPDATE import.import_rows r SET applied_id = a.applied_id, applied_version = a.applied_version, before = a.before FROM import_applied a WHERE r.import_id = $1 AND r.row_id = a.row_id",
            Connection);
        update.Parameters.Add(new NpgsqlParameter { Value = importId });
        await update.ExecuteNonQueryAsync(ct);
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

    /// <summary>Most rows have no changes, problems or suggestions: their "[]" without a serializer call each.</summary>
    private ReadOnlyMemory<byte> JsonArray<T>(IReadOnlyList<T> items) => items.Count == 0 ? EmptyArray : json.Of(items);

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private Task WriteNullableAsync<T>(T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } v ? importer!.WriteAsync(v, type, ct) : importer!.WriteNullAsync(ct);

    private Task WriteNullableAsync(string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? importer!.WriteAsync(value, type, ct) : importer!.WriteNullAsync(ct);
}
