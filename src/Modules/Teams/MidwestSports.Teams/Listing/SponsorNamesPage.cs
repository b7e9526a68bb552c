using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Sorted by sponsor and filtered to a few sponsor names: the matching names in the database's own order (from the
/// replica, <see cref="ReplicaMatches.SponsorKeysAsync"/>), then per name the first rows of its index range (an ordered
/// scan with a LIMIT), name after name, until the page is full. A page costs one short range per name it shows,
/// whatever its depth and however many names match. With a cursor, names before it are never read. The names restrict
/// the rows, so the sponsor id list is left out.
/// </summary>
internal static class SponsorNamesPage
{
    private const int MostNames = 50;

    public static bool Fits(PageRequest page) => page.Nullable && page.Filter.SponsorKeys is { Length: > 0 and <= MostNames };

    public static async Task<List<ListingRow>> ReadAsync(NpgsqlConnection connection, PageRequest page, CancellationToken ct)
    {
        var keys = page.Filter.SponsorKeys!;
        var filter = TeamListingSql.Filter(page.Query, page.Scope, sponsorIds: null, page.LeagueIds, page.Quick);
        var body = $"{TeamListingSql.Select("sponsor_key")} WHERE {filter.Where} AND sponsor_key IS NOT NULL";
        var wanted = page.Limit + (int)page.Offset;
        var collected = new List<ListingRow>();
        var next = 0;
        // Names in growing batches (2, 8, 32, ...): a big city fills a page from its first name or two; a small one with
        // a few teams per name needs more names, but never more than a handful of statements.
        for (var batch = 2; next < keys.Length && collected.Count < wanted; batch *= 4)
        {
            var need = wanted - collected.Count;
            var parameters = new List<NpgsqlParameter>(filter.Parameters);
            var ranges = keys.Skip(next).Take(batch).Select((key, i) =>
            {
                parameters.Add(new NpgsqlParameter($"sk{i}", NpgsqlDbType.Text) { Value = key });
                var afterCursor = page.Cursor is not null && string.Equals(key, page.Cursor.Value, StringComparison.Ordinal) ? $" AND team_id {page.After} @cid" : string.Empty;
                return $"({body} AND sponsor_key = @sk{i}{afterCursor} ORDER BY team_id {page.Direction} LIMIT {need})";
            }).ToList();
            if (page.Cursor is not null)
            {
                parameters.Add(new NpgsqlParameter("cid", page.Cursor.Id));
            }

            next += ranges.Count;
            var merged = $"SELECT * FROM ({string.Join(" UNION ALL ", ranges)}) merged{page.OrderBy("sort_value")} LIMIT {need}";
            collected.AddRange(await ListingRows.QueryAsync(connection, merged, parameters, inNulls: false, ct));
        }

        return [.. collected.Skip((int)page.Offset).Take(page.Limit)];
    }
}
