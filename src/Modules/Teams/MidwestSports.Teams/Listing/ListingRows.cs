using System.Data.Common;
using System.Globalization;
using MidwestSports.Teams.Contracts;
using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>A listing row read for a page, with the sort value a cursor continues from.</summary>
internal sealed record ListingRow(TeamListingItem Item, string? SortValue, bool InNulls)
{
    public string NextCursor(string sort) => new ListingCursor(sort, SortValue, Item.Id, InNulls).Encode();
}

/// <summary>Runs a page's SQL (columns as <see cref="TeamListingSql.Select"/> lists them) and reads its rows.</summary>
internal static class ListingRows
{
    public static async Task<List<ListingRow>> QueryAsync(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter> parameters, bool inNulls, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var rows = new List<ListingRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new TeamListingItem(
                reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11), Enum.Parse<TeamStatus>(reader.GetString(12)));
            rows.Add(new ListingRow(item, SortValue(reader), inNulls));
        }

        return rows;
    }

    /// <summary>The row's sort value as the cursor carries it (invariant text).</summary>
    private static string? SortValue(DbDataReader reader)
    {
        var value = reader.GetValue(13);
        return value switch
        {
            DBNull => null,
            DateTime dt => dt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset dto => dto.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
