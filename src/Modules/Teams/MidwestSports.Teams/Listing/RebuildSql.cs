using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>Statements of the listing rebuild, run on its own connection and transaction with a long timeout (1M rows take minutes).</summary>
internal static class RebuildSql
{
    private const int TimeoutSeconds = 600;

    /// <summary>Runs <paramref name="sql"/> and returns the rows it affected.</summary>
    public static async Task<long> ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query of one text value and returns it.</summary>
    public static async Task<string> TextAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Runs a query of one row of bigint columns and returns them.</summary>
    public static async Task<long[]> CountsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64)];
    }
}
