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

    private const string Columns =
        "team_id, name, league_id, league_name, city_id, city_name, sport, season, sponsor_id, sponsor_name, captain_name, created_at, status";

    /// <summary>
    /// A page's columns from the listing, and last <c>sort_value</c>: the sort's value for the cursor (a column, or for the
    /// rows of a sponsor whose keys lag its rename, the new name's key: <see cref="StaleSponsorsPage"/>).
    /// </summary>
    public static string Select(string sortValue) => $"SELECT {Columns}, {sortValue} AS sort_value FROM teams.team_listing";

    /// <summary>The same columns from the listing aliased <c>l</c>, for a page whose ids were found first.</summary>
    public static string SelectAliased(string sortValue) =>
        $"SELECT {string.Join(", ", Columns.Split(", ").Select(c => "l." + c))}, {sortValue} AS sort_value FROM teams.team_listing l";

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
    /// <remarks>
    /// With <paramref name="onlySponsor"/>, the clause for that one sponsor's rows as if their keys carried its new name
    /// (<see cref="StaleSponsorsPage"/>); its parameter names end in <paramref name="suffix"/>, so several such clauses
    /// can share a statement.
    /// </remarks>
    public static SqlFilter Filter(
        ListTeams query, CityScope scope, Guid[]? sponsorIds, Guid[]? leagueIds, QuickMatches? quick, StaleSponsor? onlySponsor = null, string suffix = "")
    {
        var where = new List<string> { "true" };
        var parameters = new List<NpgsqlParameter>();
        if (onlySponsor is { } stale)
        {
            where.Add($"sponsor_id = @stalesponsor{suffix}");
            parameters.Add(new NpgsqlParameter($"stalesponsor{suffix}", NpgsqlDbType.Uuid) { Value = stale.SponsorId });
            parameters.Add(new NpgsqlParameter($"stalename{suffix}", NpgsqlDbType.Text) { Value = stale.Name });
        }

        if (!scope.AllCities && scope.CityIdArray.Length == 1)
        {
            // One city (the usual city admin): an equality, so a city-first index is an ordered range. PostgreSQL 15
            // cannot keep index order under "= ANY(array)", even of one element.
            where.Add($"city_id = @scope{suffix}");
            parameters.Add(new NpgsqlParameter($"scope{suffix}", NpgsqlDbType.Uuid) { Value = scope.CityIdArray[0] });
        }
        else if (!scope.AllCities)
        {
            where.Add($"city_id = ANY(@scope{suffix})");
            parameters.Add(new NpgsqlParameter($"scope{suffix}", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = scope.CityIdArray });
        }

        QuickSearch(where, parameters, suffix, query.Q, quick);
        Contains(where, parameters, "name_key", "fname" + suffix, query.Name);
        AnyOf(where, parameters, "sponsor_id", "fsponsorids" + suffix, sponsorIds);
        AnyOf(where, parameters, "league_id", "fleagueids" + suffix, leagueIds);
        Contains(where, parameters, "captain_key", "fcaptain" + suffix, query.CaptainName);
        Exact(where, parameters, "league_id", "leagueid" + suffix, query.LeagueId);
        Exact(where, parameters, "city_id", "cityid" + suffix, query.CityId);
        Exact(where, parameters, "sponsor_id", "sponsorid" + suffix, query.SponsorId);
        if (query.Season is { } season && SeasonKey.TryParse(season, out var seasonSort))
        {
            where.Add($"season_sort = @season{suffix}");
            parameters.Add(new NpgsqlParameter($"season{suffix}", NpgsqlDbType.Integer) { Value = seasonSort });
        }

        if (query.Status is { } status)
        {
            where.Add($"status = @status{suffix}");
            parameters.Add(new NpgsqlParameter($"status{suffix}", NpgsqlDbType.Varchar) { Value = status.ToString() });
        }

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

    /// <summary>
    /// <c>q</c>: the row's own text (team and captain names) contains it, or its sponsor, league (name or sport) or city
    /// is one whose name does: those were matched on the replicas first (<see cref="ReplicaMatches.QuickAsync"/>), so the
    /// test on them is an id, current even while a renamed sponsor's rows are still being re-keyed.
    /// </summary>
    private static void QuickSearch(List<string> where, List<NpgsqlParameter> parameters, string suffix, string? q, QuickMatches? quick)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return;
        }

        var name = "q" + suffix;
        var any = new List<string> { $"search LIKE @{name} ESCAPE '\\'" };
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = ContainsPattern(q) });
        foreach (var (column, ids, tag) in new[] { ("sponsor_id", quick?.SponsorIds, "qs"), ("league_id", quick?.LeagueIds, "ql"), ("city_id", quick?.CityIds, "qc") })
        {
            if (ids is { Length: > 0 })
            {
                any.Add($"{column} = ANY(@{tag}{suffix})");
                parameters.Add(new NpgsqlParameter(tag + suffix, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
            }
        }

        where.Add(any.Count == 1 ? any[0] : $"({string.Join(" OR ", any)})");
    }

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
