using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Where listing reads get their connection: one registration to replace (a read replica, say) without touching the
/// queries. Reads write their own SQL, so they take a connection from the data source rather than through a DbContext,
/// whose services EF Core builds per instance (a fifth of a page's time when measured: docs/performance.md).
/// </summary>
internal class TeamListingDatabase(NpgsqlDataSource dataSource)
{
    public virtual ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);
}
