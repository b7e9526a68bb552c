using System.Globalization;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Listing;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The yardstick of bench/request-path: the SQL of <c>/api/cities</c> (a system admin's) and of the first team page
/// sorted by sponsor name (one city, 25 rows, with its count), run on Npgsql with prepared statements and written as
/// the same JSON, in the same process, without authentication, the mediator or EF Core. What the real endpoint costs
/// beyond these is the price of the platform's pipeline. Mapped only with <c>Bench:BareEndpoints=true</c> in
/// Development: they answer anonymously, so they must never exist where real data lives.
/// </summary>
internal static class BareEndpoints
{
    private const string CitiesSql = "SELECT c.id, c.name, c.state, c.time_zone, c.version FROM leagues.cities AS c ORDER BY c.name";
    private const int PageSize = 25;
    private const int ExactCountLimit = 10_000;

    private static readonly string PageSql = TeamListingSql.Select("sponsor_key")
        + $" WHERE true AND city_id = @scope AND sponsor_key IS NOT NULL ORDER BY sponsor_key ASC, team_id ASC LIMIT {PageSize + 1} OFFSET 0";

    private const string EstimateSql = "EXPLAIN (FORMAT JSON) SELECT 1 FROM teams.team_listing WHERE true AND city_id = @scope";

    private static readonly string CountSql = $"SELECT count(*) FROM (SELECT 1 FROM teams.team_listing WHERE true AND city_id = @scope LIMIT {ExactCountLimit + 1}) bounded";

    private const string SponsorNamesSql = "SELECT sponsor_id, name FROM teams.sponsor_names WHERE sponsor_id = ANY(@ids)";

    public static void Map(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Bench:BareEndpoints is set outside Development: the anonymous bench endpoints are not mapped");
            return;
        }

        var bare = app.MapGroup("/bench/bare").AllowAnonymous().ExcludeFromDescription();
        bare.MapGet("/live", () => Results.Text("""{"status":"Healthy","checks":{}}""", "application/json"));
        bare.MapGet("/cities", CitiesAsync);
        bare.MapGet("/teams", TeamsAsync);
    }

    private static async Task<IResult> CitiesAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(CitiesSql, connection);
        await command.PrepareAsync(ct);
        var cities = new List<CityDto>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cities.Add(new CityDto(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return Results.Ok(cities);
    }

    private static async Task<IResult> TeamsAsync(Guid cityId, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var items = new List<(TeamListingItem Item, string SortValue)>();
        await using (var page = new NpgsqlCommand(PageSql, connection))
        {
            page.Parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Uuid) { Value = cityId });
            await page.PrepareAsync(ct);
            await using var reader = await page.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                items.Add((new TeamListingItem(
                    reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11), Enum.Parse<TeamStatus>(reader.GetString(12))), reader.GetString(13)));
            }
        }

        var hasMore = items.Count > PageSize;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        var next = hasMore ? new ListingCursor("sponsorName", items[^1].SortValue, items[^1].Item.Id, false).Encode() : null;

        long estimate;
        await using (var explain = new NpgsqlCommand(EstimateSql, connection))
        {
            explain.Parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Uuid) { Value = cityId });
            using var plan = System.Text.Json.JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(ct))!);
            estimate = (long)plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }

        long total = estimate;
        var isEstimate = true;
        if (estimate <= ExactCountLimit * 20)
        {
            await using var count = new NpgsqlCommand(CountSql, connection);
            count.Parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Uuid) { Value = cityId });
            await count.PrepareAsync(ct);
            var bounded = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            (total, isEstimate) = bounded <= ExactCountLimit ? (bounded, false) : (Math.Max(estimate, bounded), true);
        }

        var sponsorIds = items.Where(i => i.Item.SponsorId is not null).Select(i => i.Item.SponsorId!.Value).Distinct().ToArray();
        var names = new Dictionary<Guid, string>();
        if (sponsorIds.Length > 0)
        {
            await using var command = new NpgsqlCommand(SponsorNamesSql, connection);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = sponsorIds });
            await command.PrepareAsync(ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        var shown = items.Select(i => i.Item.SponsorId is { } id && names.TryGetValue(id, out var name) && name != i.Item.SponsorName ? i.Item with { SponsorName = name } : i.Item).ToList();
        return Results.Ok(new TeamListingPage(shown, 1, PageSize, total, isEstimate, next));
    }
}
