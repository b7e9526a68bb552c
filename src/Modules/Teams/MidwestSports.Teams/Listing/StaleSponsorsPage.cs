using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>A sponsor whose listing rows still carry an older name than its replica (a rename being re-keyed).</summary>
internal sealed record StaleSponsor(Guid SponsorId, string Name);

/// <summary>
/// Reads the sponsors whose listing rows lag their replica: <c>version &gt; listed_version</c> on the few hundred replica
/// rows, read only when the page's order or filter depends on the rows' sponsor keys (<see cref="Matter"/>).
/// </summary>
internal static class StaleSponsors
{
    /// <summary>
    /// Only sorting by sponsor reads the rows' own copy of the sponsor name; filters and the quick search match sponsors
    /// by id on the replica (<see cref="ReplicaMatches"/>).
    /// </summary>
    public static bool Matter(PageRequest page) => page.Nullable;

    public static async Task<StaleSponsor[]> ReadAsync(NpgsqlConnection connection, PageRequest page, CancellationToken ct)
    {
        if (page.Query.HasSponsor == false)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT sponsor_id, name FROM teams.sponsor_names WHERE version > listed_version", connection);
        var stale = new List<StaleSponsor>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stale.Add(new StaleSponsor(reader.GetGuid(0), reader.GetString(1)));
        }

        return [.. stale.Where(s => (page.SponsorIds is null || page.SponsorIds.Contains(s.SponsorId)) && (page.Query.SponsorId is null || page.Query.SponsorId == s.SponsorId))];
    }
}

/// <summary>
/// A page while some sponsors' rows are being re-keyed after a rename: correct at once, without waiting for the rows.
/// The rows whose keys are current come from the sort's index as usual, minus those sponsors; each such sponsor's rows
/// come by sponsor id with its new name in place of their stale keys (all of them share one key, so they are a block
/// ordered by id). One statement merges them in the page's order. The few stale sponsors cost one short id range each.
/// </summary>
internal static class StaleSponsorsPage
{
    /// <summary>
    /// The filter of this page (for the count and the sponsorless tail): the rows with current keys, or the rows of each
    /// stale sponsor matched as if they carried its new name.
    /// </summary>
    public static SqlFilter Filter(PageRequest page, StaleSponsor[] stale)
    {
        var (keyed, parameters) = Keyed(page, stale);
        var parts = new List<string> { $"({keyed})" };
        for (var i = 0; i < stale.Length; i++)
        {
            var only = TeamListingSql.Filter(page.Query, page.Scope, page.SponsorIds, page.LeagueIds, page.Quick, stale[i], $"_s{i}");
            parts.Add($"({only.Where})");
            parameters.AddRange(only.Parameters);
        }

        return new SqlFilter($"({string.Join(" OR ", parts)})", parameters, page.Filter.Selective)
        {
            SponsoredOnly = page.Filter.SponsoredOnly,
        };
    }

    public static Task<List<ListingRow>> ReadAsync(NpgsqlConnection connection, PageRequest page, StaleSponsor[] stale, CancellationToken ct)
    {
        var column = page.Column;
        var enough = page.Limit + page.Offset;
        var (keyed, parameters) = Keyed(page, stale);
        var withValue = page.Nullable ? $" AND {column} IS NOT NULL" : string.Empty;
        var ranges = new List<string>
        {
            $"({TeamListingSql.Select(column)} WHERE {keyed}{withValue}{page.KeysetAfter(column)}{page.OrderBy(column)} LIMIT {enough})",
        };
        for (var i = 0; i < stale.Length; i++)
        {
            var only = TeamListingSql.Filter(page.Query, page.Scope, page.SponsorIds, page.LeagueIds, page.Quick, stale[i], $"_s{i}");
            var value = page.Nullable ? $"lower(@stalename_s{i})" : column;
            ranges.Add($"({TeamListingSql.Select(value)} WHERE {only.Where}{page.KeysetAfter(value)}{page.OrderBy(value)} LIMIT {enough})");
            parameters.AddRange(only.Parameters);
        }

        var text = $"SELECT * FROM ({string.Join(" UNION ALL ", ranges)}) merged{page.OrderBy("sort_value")} LIMIT {page.Limit} OFFSET {page.Offset}";
        return ListingRows.QueryAsync(connection, text, [.. parameters, .. page.CursorParameters()], inNulls: false, ct);
    }

    /// <summary>The page's own filter, minus the stale sponsors' rows (sponsorless rows stay).</summary>
    private static (string Where, List<NpgsqlParameter> Parameters) Keyed(PageRequest page, StaleSponsor[] stale)
    {
        var parameters = new List<NpgsqlParameter>(page.Filter.Parameters)
        {
            new("stale", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = stale.Select(s => s.SponsorId).ToArray() },
        };
        return ($"{page.Filter.Where} AND (sponsor_id IS NULL OR sponsor_id <> ALL(@stale))", parameters);
    }
}
