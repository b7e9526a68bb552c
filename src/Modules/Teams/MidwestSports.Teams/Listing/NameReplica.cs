using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// The one upsert of Teams' name replicas (sponsor, league and city names): insert a row, or move an existing one
/// forward to a newer version; an older version never overwrites a newer one. Events, team writes and imports upsert
/// one row from values (<see cref="UpsertAsync"/>); the rebuild upserts every row from a table it loaded
/// (<see cref="UpsertFrom"/>), and also repairs a row whose content drifted at the same version.
/// </summary>
internal sealed record NameReplica(string Table, string Key, string[] Columns, string[] SetOnInsertOnly)
{
    /// <summary>
    /// <c>listed_version</c>: the version the listing rows' sponsor keys carry. A new sponsor has no listing rows keyed by
    /// an older name, so it starts listed; a rename moves <c>version</c> ahead of it until the re-keying catches up
    /// (<see cref="SponsorRekeyHandler"/>).
    /// </summary>
    public static readonly NameReplica Sponsors = new("sponsor_names", "sponsor_id", ["name", "active"], ["listed_version"]);

    public static readonly NameReplica Leagues = new("league_names", "league_id", ["city_id", "name", "sport", "season", "season_sort", "archived"], []);

    public static readonly NameReplica Cities = new("city_names", "city_id", ["name"], []);

    /// <summary>The upsert from <paramref name="source"/>, a VALUES list or SELECT yielding key, columns, version (and the insert-only columns).</summary>
    public string UpsertFrom(string source, bool repairSameVersion = false)
    {
        var target = $"teams.{Table}";
        var set = string.Join(", ", Columns.Append("version").Select(c => $"{c} = excluded.{c}"));
        var guard = repairSameVersion
            ? $"{target}.version <= excluded.version AND ({string.Join(", ", Columns.Append("version").Select(c => $"{target}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", Columns.Append("version").Select(c => $"excluded.{c}"))})"
            : $"{target}.version < excluded.version";
        return $"""
            INSERT INTO {target} ({string.Join(", ", InsertColumns)})
            {source}
            ON CONFLICT ({Key}) DO UPDATE SET {set}
            WHERE {guard}
            """;
    }

    /// <summary>Every column an insert names, in order: the key, the replicated columns, the version, the insert-only ones.</summary>
    public IEnumerable<string> InsertColumns => [Key, .. Columns, "version", .. SetOnInsertOnly];

    /// <summary>One row: <paramref name="values"/> in <see cref="Columns"/> order. Insert-only columns start at the version.</summary>
    public Task<int> UpsertAsync(TeamsDbContext db, Guid key, object[] values, long version, CancellationToken ct)
    {
        if (values.Length != Columns.Length)
        {
            throw new ArgumentException($"{Table} takes {Columns.Length} values.", nameof(values));
        }

        object[] parameters = [key, .. values, version, .. SetOnInsertOnly.Select(_ => (object)version)];
        var placeholders = string.Join(", ", parameters.Select((_, i) => $"{{{i}}}"));
#pragma warning disable EF1002 // table and column names are this class's constants; the values are parameters
        return db.Database.ExecuteSqlRawAsync(UpsertFrom($"VALUES ({placeholders})"), parameters, ct);
#pragma warning restore EF1002
    }

    public Task<int> UpsertSponsorAsync(TeamsDbContext db, Guid sponsorId, string name, bool active, long version, CancellationToken ct) =>
        UpsertAsync(db, sponsorId, [name, active], version, ct);
}
