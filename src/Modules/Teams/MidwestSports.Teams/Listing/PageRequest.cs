using MidwestSports.Shared.Access;
using MidwestSports.Shared.Paging;
using MidwestSports.Teams.Contracts;
using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// One page to read: the query, its scope and resolved name filters, the sort and where a cursor left off, and the
/// SQL pieces every page strategy shares (order, keyset condition, limit and offset).
/// </summary>
internal sealed record PageRequest(
    ListTeams Query, CityScope Scope, SortSpec Sort, ListingCursor? Cursor, SqlFilter Filter, Guid[]? SponsorIds, Guid[]? LeagueIds, QuickMatches? Quick)
{
    public string Column => TeamListingSql.Column(Sort.Key);

    /// <summary>Sorted by sponsor: sponsorless rows have no value and come last, by id.</summary>
    public bool Nullable => Sort.Key == "sponsorName";

    public string Direction => Sort.Descending ? "DESC" : "ASC";

    /// <summary>The keyset comparison that continues in the page's direction.</summary>
    public string After => Sort.Descending ? "<" : ">";

    /// <summary>One row more than the page, to know whether another follows.</summary>
    public int Limit => Query.PageSize + 1;

    /// <summary>Page-number mode skips rows; a cursor never does.</summary>
    public long Offset => Cursor is null ? (long)(Query.Page - 1) * Query.PageSize : 0;

    public bool InNulls => Cursor?.InNulls ?? false;

    /// <summary>" AND (value, team_id) &gt; (@cv, @cid)" after a cursor (its parameters: <see cref="CursorParameters"/>), else nothing.</summary>
    public string KeysetAfter(string sortValue) => Cursor is null ? string.Empty : $" AND ({sortValue}, team_id) {After} (@cv, @cid)";

    public IEnumerable<NpgsqlParameter> CursorParameters() =>
        Cursor is null ? [] : [TeamListingSql.CursorValue(Sort.Key, Cursor.Value), new NpgsqlParameter("cid", Cursor.Id)];

    public string OrderBy(string sortValue) => $" ORDER BY {sortValue} {Direction}, team_id {Direction}";
}
