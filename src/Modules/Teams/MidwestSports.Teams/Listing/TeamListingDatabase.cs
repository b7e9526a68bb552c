using MidwestSports.Shared.Persistence;
using Npgsql;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Where listing reads get their connection: one registration to replace (a read replica, say) without touching the
/// queries. Reads write their own SQL, so they take a connection from the data source rather than through a DbContext,
/// whose services EF Core builds per instance (a fifth of a page's time when measured: docs/performance.md).
/// The request's <see cref="ReadRoute"/> decides the server: the read replica for a listing GET while it is fresh and
/// the admin has not just saved (ADR 0021), else the primary.
/// </summary>
internal class TeamListingDatabase(ReadRoute route)
{
    public virtual ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => route.DataSourceFor("teams").OpenConnectionAsync(ct);
}
