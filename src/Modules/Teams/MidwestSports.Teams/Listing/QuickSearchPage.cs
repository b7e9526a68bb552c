using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// A quick search (<c>q</c>) in the default name order: the page's ids come from the (city, name) index alone (it
/// carries the search text, so rows that do not match are skipped without reading the table), then just those rows.
/// </summary>
internal static class QuickSearchPage
{
    public static bool Fits(PageRequest page) =>
        !page.Filter.Selective && page.Sort.Key == "name" && !string.IsNullOrWhiteSpace(page.Query.Q);

    public static Task<List<ListingRow>> ReadAsync(NpgsqlConnection connection, PageRequest page, CancellationToken ct)
    {
        var ids = $"SELECT team_id, name_key FROM teams.team_listing WHERE {page.Filter.Where}{page.KeysetAfter("name_key")}"
            + $"{page.OrderBy("name_key")} LIMIT {page.Limit} OFFSET {page.Offset}";
        var text = $"{TeamListingSql.SelectAliased("l.name_key")} JOIN ({ids}) k ON k.team_id = l.team_id"
            + $" ORDER BY k.name_key {page.Direction}, k.team_id {page.Direction}";
        return ListingRows.QueryAsync(connection, text, [.. page.Filter.Parameters, .. page.CursorParameters()], inNulls: false, ct);
    }
}
