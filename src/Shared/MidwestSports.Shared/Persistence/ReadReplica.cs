using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MidwestSports.Shared.Persistence;

/// <summary>Settings of <c>Database:ReadReplica</c> (docs/scale-out.md).</summary>
public sealed class ReadReplicaOptions
{
    /// <summary>The oldest data a replica read may show; a replica further behind is not used (reads go to the primary).</summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the replica's lag is measured.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>GET and HEAD requests under these paths read the replica: listings, the public site, reports.</summary>
    public string[] Paths { get; set; } = ["/public", "/embed", "/calendar", "/api/teams", "/api/audit"];

    /// <summary>Schemas always read on the primary: who a user is and what they may see must never be stale.</summary>
    public string[] PrimaryOnlySchemas { get; set; } = ["identity"];
}

/// <summary>
/// The read-only server (<c>ConnectionStrings:PostgresReadOnly</c>, a streaming replica of the primary) and how far
/// behind it is, as <see cref="ReplicaLagMonitor"/> last measured it.
/// </summary>
public sealed class ReadReplica(NpgsqlDataSource dataSource, ReadReplicaOptions options)
{
    private long stalenessTicks = long.MaxValue;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ReadReplicaOptions Options { get; } = options;

    /// <summary>How old the newest data the replica may lack is; <see cref="TimeSpan.MaxValue"/> while unknown or unreachable.</summary>
    public TimeSpan Staleness => TimeSpan.FromTicks(Interlocked.Read(ref stalenessTicks));

    /// <summary>
    /// Usable when, even after one more check interval of falling behind, its data is at most MaxStaleness old: the
    /// bound holds between two measurements too.
    /// </summary>
    public bool IsFresh => Staleness != TimeSpan.MaxValue && Staleness + Options.CheckInterval <= Options.MaxStaleness;

    internal void Measured(TimeSpan staleness) => Interlocked.Exchange(ref stalenessTicks, staleness.Ticks);
}

/// <summary>
/// Picks the server a module's DbContext talks to, once per DI scope: the replica for a GET or HEAD request under a
/// read path (<see cref="ReadReplicaOptions.Paths"/>) while it is fresh; the primary for everything else, including
/// background work, writes and the admin who saved within the last MaxStaleness (the <see cref="PrimaryMarker"/>
/// cookie: their next page shows what they saved).
/// </summary>
public sealed class ReadRoute(NpgsqlDataSource primary, IHttpContextAccessor http, ReadReplica? replica = null)
{
    private bool? useReplica;

    public bool UsesReplica => useReplica ??= Decide();

    public NpgsqlDataSource DataSourceFor(string schema) =>
        replica is not null && UsesReplica && !replica.Options.PrimaryOnlySchemas.Contains(schema, StringComparer.Ordinal)
            ? replica.DataSource
            : primary;

    private bool Decide()
    {
        if (replica is null || http.HttpContext is not { } context || !replica.IsFresh)
        {
            return false;
        }

        var request = context.Request;
        var replicaRead = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Cookies.ContainsKey(PrimaryMarker.CookieName)
            && replica.Options.Paths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        if (replicaRead)
        {
            // On the request, not this instance: a module may read in a DI scope of its own within the request.
            context.Items[RequestItem] = true;
        }

        return replicaRead;
    }

    /// <summary>Present in <see cref="HttpContext.Items"/> when some read of the request went to the replica.</summary>
    public const string RequestItem = "midwest.read-replica";
}

/// <summary>Read-your-writes: a client that has just changed something reads the primary for as long as a replica may lag.</summary>
public static class PrimaryMarker
{
    public const string CookieName = "midwest.primary";
}

public static class ReadReplicaRegistration
{
    /// <summary>Reads of listings, the public site and reports go to <paramref name="connectionString"/> while it is fresh.</summary>
    public static IServiceCollection AddReadReplica(this IServiceCollection services, string connectionString, ReadReplicaOptions options)
    {
        services.AddSingleton(new ReadReplica(NpgsqlDataSource.Create(connectionString), options));
        services.AddHostedService<ReplicaLagMonitor>();
        return services;
    }
}
