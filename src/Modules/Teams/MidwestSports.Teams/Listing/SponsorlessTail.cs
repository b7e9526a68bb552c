using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Sorted by sponsor, the teams without one come after every sponsored team, in both directions, by id (their own
/// partial index). Read when the rows with a sponsor did not fill the page; in page-number mode the offset continues
/// past the rows that have one.
/// </summary>
internal static class SponsorlessTail
{
    public static bool Needed(PageRequest page, int rowsSoFar) => page.Nullable && !page.Filter.SponsoredOnly && rowsSoFar < page.Limit;

    public static async Task<List<ListingRow>> ReadAsync(NpgsqlConnection connection, PageRequest page, int rowsSoFar, CancellationToken ct)
    {
        var column = page.Column;
        var parameters = new List<NpgsqlParameter>(page.Filter.Parameters);
        var afterCursor = string.Empty;
        if (page.Cursor is { InNulls: true })
        {
            afterCursor = $" AND team_id {page.After} @cid";
            parameters.Add(new NpgsqlParameter("cid", page.Cursor.Id));
        }

        var offset = 0L;
        if (page.Cursor is null && page.Offset > 0 && rowsSoFar == 0)
        {
            var withValues = await TeamListingCounts.ScalarAsync(
                connection, $"SELECT count(*) FROM teams.team_listing WHERE {page.Filter.Where} AND {column} IS NOT NULL", page.Filter.Parameters, ct);
            offset = Math.Max(0, page.Offset - withValues);
        }

        var sql = $"{TeamListingSql.Select(column)} WHERE {page.Filter.Where} AND {column} IS NULL{afterCursor}"
            + $" ORDER BY team_id {page.Direction} LIMIT {page.Limit - rowsSoFar} OFFSET {offset}";
        return await ListingRows.QueryAsync(connection, sql, parameters, inNulls: true, ct);
    }
}
