using System.Globalization;
using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>How many rows a listing filter matches: exact up to a bound, the planner's estimate above it.</summary>
internal static class TeamListingCounts
{
    private const int ExactCountLimit = 10_000;

    /// <summary>
    /// Exact up to 10,000 matches; above that the planner's estimate, flagged as such. The estimate comes first (it
    /// costs a plan, not a scan): when it is far above the bound the bounded count is skipped, since it would only
    /// walk 10,001 rows to confirm what the estimate already says.
    /// </summary>
    public static async Task<(long Total, bool Estimate)> CountAsync(NpgsqlConnection connection, SqlFilter filter, CancellationToken ct)
    {
        var estimate = await EstimateAsync(connection, filter, ct);
        if (estimate > ExactCountLimit * 20)
        {
            return (estimate, true);
        }

        var bounded = await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT 1 FROM teams.team_listing WHERE {filter.Where} LIMIT {ExactCountLimit + 1}) bounded", filter.Parameters, ct);
        return bounded <= ExactCountLimit ? (bounded, false) : (Math.Max(estimate, bounded), true);
    }

    public static async Task<long> EstimateAsync(NpgsqlConnection connection, SqlFilter filter, CancellationToken ct)
    {
        await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) SELECT 1 FROM teams.team_listing WHERE {filter.Where}", connection);
        foreach (var parameter in filter.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var plan = (string)(await explain.ExecuteScalarAsync(ct))!;
        using var json = System.Text.Json.JsonDocument.Parse(plan);
        return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
