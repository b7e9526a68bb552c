using MidwestSports.Import.Contracts;
using Npgsql;

namespace MidwestSports.Import.Persistence;

/// <summary>What a row's preview said: compared with the row planned again at commit.</summary>
internal sealed record PreviewedRow(int RowId, RowAction Action, Guid? TargetId, long? TargetVersion, string Changes);

/// <summary>
/// An import's previewed rows in row order, read as the commit plans the file again (rows are planned in the same order,
/// numbered from 1): a merge by row id, so the commit holds one previewed row at a time instead of the whole file's. On a
/// connection of its own: the commit's connection is busy COPYing the checked writes, and the preview is not what its
/// transaction changes.
/// </summary>
internal sealed class PreviewedRows : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlCommand command;
    private readonly NpgsqlDataReader reader;
    private PreviewedRow? next;

    private PreviewedRows(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader) =>
        (this.connection, this.command, this.reader) = (connection, command, reader);

    /// <summary>How many previewed rows have been read so far.</summary>
    public int Read { get; private set; }

    public static async Task<PreviewedRows> OpenAsync(NpgsqlDataSource dataSource, Guid importId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        var command = new NpgsqlCommand(
            "SELECT row_id, action, target_id, target_version, changes::text FROM import.import_rows WHERE import_id = $1 ORDER BY row_id", connection)
        {
            Parameters = { new() { Value = importId } },
        };
        var rows = new PreviewedRows(connection, command, await command.ExecuteReaderAsync(ct));
        rows.next = await rows.ReadNextAsync(ct);
        return rows;
    }

    /// <summary>The preview of row <paramref name="rowId"/>, or null when it had none. Ids must come in ascending order.</summary>
    public async ValueTask<PreviewedRow?> ForAsync(int rowId, CancellationToken ct)
    {
        while (next is not null && next.RowId < rowId)
        {
            next = await ReadNextAsync(ct);
        }

        if (next is null || next.RowId != rowId)
        {
            return null;
        }

        var found = next;
        next = await ReadNextAsync(ct);
        return found;
    }

    /// <summary>Reads the rest: how many rows the preview had in all.</summary>
    public async Task<int> TotalAsync(CancellationToken ct)
    {
        while (next is not null)
        {
            next = await ReadNextAsync(ct);
        }

        return Read;
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async ValueTask<PreviewedRow?> ReadNextAsync(CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        Read++;
        return new PreviewedRow(
            reader.GetInt32(0), Enum.Parse<RowAction>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetGuid(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4));
    }
}
