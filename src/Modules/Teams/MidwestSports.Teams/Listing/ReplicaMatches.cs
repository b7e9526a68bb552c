using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>The sponsors, leagues (by name or sport) and cities whose names contain a quick search's text.</summary>
internal sealed record QuickMatches(Guid[] SponsorIds, Guid[] LeagueIds, Guid[] CityIds);

/// <summary>
/// Sponsor and league name filters, and the quick search's names, match the few hundred names of the replicas first: no match answers at once, a few
/// matches become an id lookup, and the planner sees how many ids it deals with.
/// </summary>
internal static class ReplicaMatches
{
    public static Task<Guid[]> SponsorIdsAsync(NpgsqlConnection connection, string contains, CancellationToken ct) =>
        IdsAsync(connection, "SELECT sponsor_id FROM teams.sponsor_names WHERE lower(name) LIKE @p ESCAPE '\\'", contains, ct);

    public static Task<Guid[]> LeagueIdsAsync(NpgsqlConnection connection, string contains, CancellationToken ct) =>
        IdsAsync(connection, "SELECT league_id FROM teams.league_names WHERE lower(name) LIKE @p ESCAPE '\\'", contains, ct);

    /// <summary>The quick search's matches among the replicas: three short scans of a few hundred rows, in one round trip.</summary>
    public static async Task<QuickMatches> QuickAsync(NpgsqlConnection connection, string contains, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT array(SELECT sponsor_id FROM teams.sponsor_names WHERE lower(name) LIKE @p ESCAPE '\'),
                   array(SELECT league_id FROM teams.league_names WHERE lower(name) LIKE @p ESCAPE '\' OR lower(sport) LIKE @p ESCAPE '\'),
                   array(SELECT city_id FROM teams.city_names WHERE lower(name) LIKE @p ESCAPE '\')
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Text) { Value = TeamListingSql.ContainsPattern(contains) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new QuickMatches(reader.GetFieldValue<Guid[]>(0), reader.GetFieldValue<Guid[]>(1), reader.GetFieldValue<Guid[]>(2));
    }

    /// <summary>
    /// The keys (lower-cased names) of the sponsors a name filter matches, in the database's collation order (descending
    /// when the page is), from a sponsor-sorted cursor's key on: <see cref="SponsorNamesPage"/> reads them in this order.
    /// </summary>
    public static async Task<string[]> SponsorKeysAsync(NpgsqlConnection connection, string contains, bool descending, string? from, CancellationToken ct)
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
}
