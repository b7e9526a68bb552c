using System.Data.Common;
using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Paging;
using MidwestSports.Teams.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;


/// <summary>
/// Reads only teams.team_listing. Every sort has an index (key, team_id); a cursor continues with a keyset
/// condition, so a page costs the same at any depth. Rows without a sponsor come last in both directions:
/// sponsored rows first, then the sponsorless ones by id.
/// The handler writes its SQL itself, so it takes a connection from the data source rather than through a DbContext, whose
/// services EF Core builds per instance (a fifth of a page's time when measured: docs/performance.md).
/// </summary>
internal sealed class ListTeamsHandler(NpgsqlDataSource dataSource, CurrentScope current) : IQueryHandler<ListTeams, TeamListingPage>
{
    public async ValueTask<TeamListingPage> Handle(ListTeams query, CancellationToken cancellationToken)
    {
        var sort = SortSpec.Parse(query.Sort, "name");
        ListingCursor? cursor = null;
        if (query.Cursor is not null)
        {
            ListingCursor.TryDecode(query.Cursor, out cursor);
            if (cursor!.Sort != sort.ToString())
            {
                throw new ValidationException([new ValidationFailure("cursor", $"cursor belongs to sort '{cursor.Sort}', not '{sort}'.")]);
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Sponsor and league name filters match the few hundred names of the replicas first: no match answers at
        // once, a few matches become an id lookup, and the planner sees how many ids it deals with.
        var sponsorIds = query.SponsorName is { Length: > 0 } sponsor
            ? await IdsAsync(connection, "SELECT sponsor_id FROM teams.sponsor_names WHERE lower(name) LIKE @p ESCAPE '\\'", sponsor, cancellationToken)
            : null;
        var leagueIds = query.LeagueName is { Length: > 0 } league
            ? await IdsAsync(connection, "SELECT league_id FROM teams.league_names WHERE lower(name) LIKE @p ESCAPE '\\'", league, cancellationToken)
            : null;
        if (sponsorIds is { Length: 0 } || leagueIds is { Length: 0 })
        {
            return new TeamListingPage([], query.Page, query.PageSize, 0, false, null);
        }

        var filter = TeamListingSql.Filter(query, current.Scope, sponsorIds, leagueIds) with
        {
            SponsorKeys = query.SponsorName is { Length: > 0 } name
                ? await KeysAsync(connection, name, sort.Key == "sponsorName" && sort.Descending, sort.Key == "sponsorName" ? cursor?.Value : null, cancellationToken)
                : null,
            SponsoredOnly = sponsorIds is not null || query.SponsorId is not null || query.HasSponsor == true,
        };
        var items = await ReadPageAsync(connection, filter, sort, cursor, query, cancellationToken);
        var hasMore = items.Count > query.PageSize;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        var next = hasMore ? NextCursor(sort, items[^1]) : null;
        var (total, estimate) = query.WithTotal ? await TeamListingCounts.CountAsync(connection, filter, cancellationToken) : (-1L, true);
        var shown = await WithCurrentSponsorNamesAsync(connection, [.. items.Select(i => i.Item)], cancellationToken);
        return new TeamListingPage(shown, query.Page, query.PageSize, total, estimate, next);
    }

    /// <summary>
    /// A page shows each sponsor's name as the one-row replica has it now. Right after a rename the listing rows of a
    /// big sponsor still carry the old name (their rewrite takes about a second for 10,000 teams); the page does not
    /// wait for it. Sorting and filtering use the rows' keys, which follow.
    /// </summary>
    private static async Task<IReadOnlyList<TeamListingItem>> WithCurrentSponsorNamesAsync(NpgsqlConnection connection, List<TeamListingItem> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.SponsorId is not null).Select(i => i.SponsorId!.Value).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return items;
        }

        await using var command = new NpgsqlCommand("SELECT sponsor_id, name FROM teams.sponsor_names WHERE sponsor_id = ANY(@ids)", connection);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        var names = new Dictionary<Guid, string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        return [.. items.Select(i => i.SponsorId is { } id && names.TryGetValue(id, out var name) && name != i.SponsorName ? i with { SponsorName = name } : i)];
    }

    private static async Task<List<Row>> ReadPageAsync(NpgsqlConnection connection, SqlFilter filter, SortSpec sort, ListingCursor? cursor, ListTeams query, CancellationToken ct)
    {
        var column = TeamListingSql.Column(sort.Key);
        var nullable = sort.Key == "sponsorName";
        var rows = new List<Row>();
        var limit = query.PageSize + 1;
        var offset = cursor is null ? (long)(query.Page - 1) * query.PageSize : 0;

        // Phase 1: rows with a value, in the requested direction. Phase 2 (sponsor only): rows without one, by id.
        if (!(cursor?.InNulls ?? false))
        {
            var sql = new StringBuilder(string.Format(CultureInfo.InvariantCulture, TeamListingSql.SelectFrom, column)).Append(" WHERE ").Append(filter.Where);
            var parameters = new List<NpgsqlParameter>(filter.Parameters);
            if (nullable)
            {
                sql.Append(" AND ").Append(column).Append(" IS NOT NULL");
            }

            var unkeyed = sql.ToString();
            if (cursor is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND ({column}, team_id) {(sort.Descending ? "<" : ">")} (@cv, @cid)");
                parameters.Add(TeamListingSql.CursorValue(sort.Key, cursor.Value));
                parameters.Add(new NpgsqlParameter("cid", cursor.Id));
            }

            var direction = sort.Descending ? "DESC" : "ASC";
            var page = $" ORDER BY {column} {direction}, team_id {direction} LIMIT {limit} OFFSET {offset}";
            string? text;
            if (nullable && filter.SponsorKeys is { Length: > 0 and <= 50 } keys)
            {
                // Sorted by sponsor and filtered to a few sponsors: the matching names in the database's own order, then
                // per name the first rows of its index range (an ordered scan with a LIMIT), name after name, until the
                // page is full. A page costs one short range per name it shows, whatever its depth and however many
                // names match. With a cursor, names before it are never read. The names restrict the rows, so the id
                // list is not needed here.
                var body = unkeyed.Replace(" AND sponsor_id = ANY(@fsponsorids)", string.Empty, StringComparison.Ordinal);
                var baseParameters = filter.Parameters.Where(p => p.ParameterName != "fsponsorids").ToList();
                var wanted = limit + (int)offset;
                var collected = new List<Row>();
                var op = sort.Descending ? "<" : ">";
                var next = 0;
                // Names in growing batches (2, 8, 32, ...): a big city fills a page from its first name or two; a small one
                // with a few teams per name needs more names, but never more than a handful of statements.
                for (var batch = 2; next < keys.Length && collected.Count < wanted; batch *= 4)
                {
                    var need = wanted - collected.Count;
                    var batchParameters = new List<NpgsqlParameter>(baseParameters);
                    var children = keys.Skip(next).Take(batch).Select((key, i) =>
                    {
                        batchParameters.Add(new NpgsqlParameter($"sk{i}", NpgsqlDbType.Text) { Value = key });
                        var after = cursor is not null && string.Equals(key, cursor.Value, StringComparison.Ordinal) ? $" AND team_id {op} @cid" : string.Empty;
                        return $"({body} AND sponsor_key = @sk{i}{after} ORDER BY team_id {direction} LIMIT {need})";
                    }).ToList();
                    if (cursor is not null)
                    {
                        batchParameters.Add(new NpgsqlParameter("cid", cursor.Id));
                    }

                    next += children.Count;
                    var merged = $"SELECT * FROM ({string.Join(" UNION ALL ", children)}) merged ORDER BY sponsor_key {direction}, team_id {direction} LIMIT {need}";
                    collected.AddRange(await QueryAsync(connection, merged, batchParameters, sort.Key, inNulls: false, ct));
                }

                rows.AddRange(collected.Skip((int)offset).Take(limit));
                text = null;
            }
            else if (!filter.Selective && sort.Key == "name" && !string.IsNullOrWhiteSpace(query.Q))
            {
                // Quick search in the default order: find the page's ids in the (city, name) index alone (it carries the
                // search text, so rows that do not match are skipped without reading the table), then read just those rows.
                var idsOnly = sql.ToString().Replace(string.Format(CultureInfo.InvariantCulture, TeamListingSql.SelectFrom, column), "SELECT team_id, name_key FROM teams.team_listing", StringComparison.Ordinal);
                text = $"{string.Format(CultureInfo.InvariantCulture, TeamListingSql.SelectFromAliased, column)} JOIN ({idsOnly}{page}) k ON k.team_id = l.team_id ORDER BY k.name_key {direction}, k.team_id {direction}";
            }
            else
            {
                text = filter.Selective ? $"WITH matches AS MATERIALIZED ({sql}) SELECT * FROM matches{page}" : sql + page;
            }

            if (text is not null)
            {
                rows.AddRange(await QueryAsync(connection, text, parameters, sort.Key, inNulls: false, ct));
            }
        }

        if (nullable && !filter.SponsoredOnly && rows.Count < limit)
        {
            var sql = new StringBuilder(string.Format(CultureInfo.InvariantCulture, TeamListingSql.SelectFrom, column)).Append(" WHERE ").Append(filter.Where).Append(CultureInfo.InvariantCulture, $" AND {column} IS NULL");
            var parameters = new List<NpgsqlParameter>(filter.Parameters);
            if (cursor is { InNulls: true })
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND team_id {(sort.Descending ? "<" : ">")} @cid");
                parameters.Add(new NpgsqlParameter("cid", cursor.Id));
            }

            // In offset mode the offset continues past the rows that have a value.
            var nullOffset = 0L;
            if (cursor is null && offset > 0 && rows.Count == 0)
            {
                var withValues = await TeamListingCounts.ScalarAsync(connection, $"SELECT count(*) FROM teams.team_listing WHERE {filter.Where} AND {column} IS NOT NULL", filter.Parameters, ct);
                nullOffset = Math.Max(0, offset - withValues);
            }

            var direction = sort.Descending ? "DESC" : "ASC";
            sql.Append(CultureInfo.InvariantCulture, $" ORDER BY team_id {direction} LIMIT {limit - rows.Count} OFFSET {nullOffset}");
            rows.AddRange(await QueryAsync(connection, sql.ToString(), parameters, sort.Key, inNulls: true, ct));
        }

        return rows;
    }

    private static async Task<List<Row>> QueryAsync(NpgsqlConnection connection, string sql, List<NpgsqlParameter> parameters, string sortKey, bool inNulls, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new TeamListingItem(
                reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11));
            rows.Add(new Row(item, SortValue(reader, sortKey), inNulls));
        }

        return rows;
    }

    /// <summary>The last row's sort value as the cursor carries it (invariant text).</summary>
    private static string? SortValue(DbDataReader reader, string sortKey)
    {
        var value = reader.GetValue(12);
        return value switch
        {
            DBNull => null,
            DateTime dt => dt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset dto => dto.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private static string NextCursor(SortSpec sort, Row last) => new ListingCursor(sort.ToString(), last.SortValue, last.Item.Id, last.InNulls).Encode();

    /// <summary>
    /// The keys (lower-cased names) of the sponsors a name filter matches, in the database's collation order (descending
    /// when the page is), from a sponsor-sorted cursor's key on: a page filtered by sponsor reads them in this order.
    /// </summary>
    private static async Task<string[]> KeysAsync(NpgsqlConnection connection, string contains, bool descending, string? from, CancellationToken ct)
    {
        var bound = from is null ? string.Empty : descending ? " AND lower(name) <= @from" : " AND lower(name) >= @from";
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT lower(name) AS k FROM teams.sponsor_names WHERE lower(name) LIKE @p ESCAPE '\\'{bound} ORDER BY k {(descending ? "DESC" : "ASC")}", connection);
        command.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Text) { Value = TeamListingSql.ContainsPattern(contains) });
        if (from is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Text) { Value = from });
        }

        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }

    private static async Task<Guid[]> IdsAsync(NpgsqlConnection connection, string sql, string contains, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Text) { Value = TeamListingSql.ContainsPattern(contains) });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    private sealed record Row(TeamListingItem Item, string? SortValue, bool InNulls);
}
