using System.Globalization;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// The WHERE clause and its parameters. <see cref="Selective"/>: the filter names a few sponsors or leagues, so fetching
/// their rows by id and sorting them beats walking the sort index until enough of them turn up.
/// </summary>
internal sealed record SqlFilter(string Where, List<NpgsqlParameter> Parameters, bool Selective = false)
{
    /// <summary>The lower-cased names of the sponsors a sponsor filter matched, when there is one.</summary>
    public string[]? SponsorKeys { get; init; }

    /// <summary>A sponsor filter is set: no sponsorless row can match, so their phase is skipped, not scanned.</summary>
    public bool SponsoredOnly { get; init; }
}

internal static class TeamListingSql
{
    public static readonly string[] SortKeys = ["name", "sponsorName", "leagueName", "cityName", "sport", "season", "captainName", "createdAt"];

    public const string SelectFrom =
        "SELECT team_id, name, league_id, league_name, city_id, city_name, sport, season, sponsor_id, sponsor_name, captain_name, created_at, {0} FROM teams.team_listing";

    /// <summary>The same columns from the listing aliased <c>l</c>, for a page whose ids were found first.</summary>
    public const string SelectFromAliased =
        "SELECT l.team_id, l.name, l.league_id, l.league_name, l.city_id, l.city_name, l.sport, l.season, l.sponsor_id, l.sponsor_name, l.captain_name, l.created_at, l.{0} FROM teams.team_listing l";

    public static string Column(string sortKey) => sortKey switch
    {
        "sponsorName" => "sponsor_key",
        "leagueName" => "league_key",
        "cityName" => "city_key",
        "sport" => "sport_key",
        "season" => "season_sort",
        "captainName" => "captain_key",
        "createdAt" => "created_at",
        _ => "name_key",
    };

    public static NpgsqlParameter CursorValue(string sortKey, string? value) => sortKey switch
    {
        "season" => new NpgsqlParameter("cv", NpgsqlDbType.Integer) { Value = int.Parse(value ?? "0", CultureInfo.InvariantCulture) },
        "createdAt" => new NpgsqlParameter("cv", NpgsqlDbType.TimestampTz) { Value = DateTimeOffset.Parse(value ?? string.Empty, CultureInfo.InvariantCulture).UtcDateTime },
        _ => new NpgsqlParameter("cv", NpgsqlDbType.Text) { Value = value ?? string.Empty },
    };

    /// <summary>The WHERE clause of scope and filters; the same for the page and for the count.</summary>
    public static SqlFilter Filter(ListTeams query, CityScope scope, Guid[]? sponsorIds, Guid[]? leagueIds)
    {
        var where = new List<string> { "true" };
        var parameters = new List<NpgsqlParameter>();
        if (!scope.AllCities && scope.CityIdArray.Length == 1)
        {
            // One city (the usual city admin): an equality, so a city-first index is an ordered range. PostgreSQL 15
            // cannot keep index order under "= ANY(array)", even of one element.
            where.Add("city_id = @scope");
            parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Uuid) { Value = scope.CityIdArray[0] });
        }
        else if (!scope.AllCities)
        {
            where.Add("city_id = ANY(@scope)");
            parameters.Add(new NpgsqlParameter("scope", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = scope.CityIdArray });
        }

        Contains(where, parameters, "search", "q", query.Q);
        Contains(where, parameters, "name_key", "fname", query.Name);
        AnyOf(where, parameters, "sponsor_id", "fsponsorids", sponsorIds);
        AnyOf(where, parameters, "league_id", "fleagueids", leagueIds);
        Contains(where, parameters, "captain_key", "fcaptain", query.CaptainName);
        Exact(where, parameters, "league_id", "leagueid", query.LeagueId);
        Exact(where, parameters, "city_id", "cityid", query.CityId);
        Exact(where, parameters, "sponsor_id", "sponsorid", query.SponsorId);
        if (query.HasSponsor is { } has)
        {
            where.Add(has ? "sponsor_id IS NOT NULL" : "sponsor_id IS NULL");
        }

        const int FewIds = 50;
        var selective = sponsorIds is { Length: <= FewIds } || leagueIds is { Length: <= FewIds };
        return new SqlFilter(string.Join(" AND ", where), parameters, selective);
    }

    /// <summary>"contains", lower-cased, with LIKE's wildcards escaped (the SQL names the escape character: <see cref="LikePatterns"/>).</summary>
    public static string ContainsPattern(string value) => LikePatterns.Contains(value.ToLowerInvariant());

    private static void Contains(List<string> where, List<NpgsqlParameter> parameters, string column, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        where.Add($"{column} LIKE @{name} ESCAPE '\\'");
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = ContainsPattern(value) });
    }

    private static void AnyOf(List<string> where, List<NpgsqlParameter> parameters, string column, string name, Guid[]? ids)
    {
        if (ids is not null)
        {
            where.Add($"{column} = ANY(@{name})");
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        }
    }

    private static void Exact(List<string> where, List<NpgsqlParameter> parameters, string column, string name, Guid? value)
    {
        if (value is { } id)
        {
            where.Add($"{column} = @{name}");
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Uuid) { Value = id });
        }
    }
}
