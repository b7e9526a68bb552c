using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// The usual page: a range of the sort's index, (value, team_id) after the cursor, LIMIT and OFFSET. When the filter
/// names only a few sponsors or leagues, their rows are fetched by id first and sorted (cheaper than walking the
/// index until enough of them turn up).
/// </summary>
internal static class IndexRangePage
{
    public static Task<List<ListingRow>> ReadAsync(NpgsqlConnection connection, PageRequest page, CancellationToken ct)
    {
        var column = page.Column;
        var withValue = page.Nullable ? $" AND {column} IS NOT NULL" : string.Empty;
        var sql = $"{TeamListingSql.Select(column)} WHERE {page.Filter.Where}{withValue}{page.KeysetAfter(column)}";
        var limit = $" LIMIT {page.Limit} OFFSET {page.Offset}";
        var text = page.Filter.Selective
            ? $"WITH matches AS MATERIALIZED ({sql}) SELECT * FROM matches{page.OrderBy("sort_value")}{limit}"
            : $"{sql}{page.OrderBy(column)}{limit}";
        return ListingRows.QueryAsync(connection, text, [.. page.Filter.Parameters, .. page.CursorParameters()], inNulls: false, ct);
    }
}
