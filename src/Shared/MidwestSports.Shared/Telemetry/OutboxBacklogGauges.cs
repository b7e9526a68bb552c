using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MidwestSports.Shared.Persistence;
using Npgsql;

namespace MidwestSports.Shared.Telemetry;

/// <summary>
/// The outbox backlog of every module as observable gauges: read from the outbox tables when a reader collects (a
/// Prometheus scrape, an OTLP export), one query for all modules, and reused for <see cref="MaxAge"/> so that several
/// gauges and scrapers cost one query. Nothing is read while nobody collects. Every host reports the same database's
/// figures: aggregate with max(), not sum().
/// </summary>
public sealed partial class OutboxBacklogGauges : IDisposable
{
    /// <summary>How long one reading serves collections.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Meter meter;
    private readonly NpgsqlDataSource dataSource;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILogger<OutboxBacklogGauges> logger;
    private readonly Lock gate = new();
    private string? query;
    private IReadOnlyList<ModuleBacklog> last = [];
    private DateTimeOffset lastReadAt = DateTimeOffset.MinValue;

    public OutboxBacklogGauges(IMeterFactory meters, NpgsqlDataSource dataSource, IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxBacklogGauges> logger)
    {
        this.dataSource = dataSource;
        this.scopes = scopes;
        this.time = time;
        this.logger = logger;
        meter = meters.Create(PlatformTelemetry.Name);
        meter.CreateObservableGauge(PlatformTelemetry.Instruments.OutboxBacklog, () => Read().Select(m => Measure(m.Backlog, m.Module)), "{message}", "Outbox rows not yet published");
        meter.CreateObservableGauge(PlatformTelemetry.Instruments.OutboxOldestAge, () => Read().Select(m => Measure(m.OldestAge.TotalSeconds, m.Module)), "s", "Age of the oldest unpublished outbox row (0 when none)");
        meter.CreateObservableGauge(PlatformTelemetry.Instruments.OutboxFailing, () => Read().Select(m => Measure(m.Failing, m.Module)), "{message}", "Unpublished outbox rows whose handler failed at least once");
    }

    /// <summary>The latest reading, refreshed when older than <see cref="MaxAge"/>; empty when the database cannot be read.</summary>
    public IReadOnlyList<ModuleBacklog> Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - lastReadAt < MaxAge)
            {
                return last;
            }

            lastReadAt = now;
            try
            {
                last = Query(now);
            }
            catch (ObjectDisposedException)
            {
                // The host is stopping (a final export after the data source was disposed): nothing to report.
                last = [];
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A collection must never fail because the database is away: the gauges go missing, which alerts too.
                last = [];
                LogReadFailed(logger, ex.Message);
            }

            return last;
        }
    }

    public void Dispose() => meter.Dispose();

    private static Measurement<T> Measure<T>(T value, string module)
        where T : struct => new(value, new KeyValuePair<string, object?>(PlatformTelemetry.Tags.Module, module));

    // Observable callbacks are synchronous; Npgsql's synchronous API does real synchronous I/O (no blocking on a task).
    private List<ModuleBacklog> Query(DateTimeOffset now)
    {
        query ??= BuildQuery();
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand(query, connection) { CommandTimeout = 5 };
        using var reader = command.ExecuteReader();
        var rows = new List<ModuleBacklog>();
        while (reader.Read())
        {
            var oldest = reader.IsDBNull(3) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(3);
            var age = oldest is { } o && o < now ? now - o : TimeSpan.Zero;
            rows.Add(new ModuleBacklog(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), age));
        }

        return rows;
    }

    /// <summary>One UNION ALL over every module's outbox (the unprocessed rows are in a partial index, so this stays cheap).</summary>
    private string BuildQuery()
    {
        using var scope = scopes.CreateScope();
        var sql = new StringBuilder();
        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            if (sql.Length > 0)
            {
                sql.Append(" UNION ALL ");
            }

            // Module and schema are the modules' own constants, never input.
            sql.Append($"SELECT '{module.Module}', count(*), count(*) FILTER (WHERE attempts > 0), min(occurred_at) FROM \"{module.Schema}\".outbox_messages WHERE processed_at IS NULL");
        }

        return sql.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox backlog for telemetry failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}

/// <summary>One module's outbox backlog at one reading.</summary>
public sealed record ModuleBacklog(string Module, long Backlog, long Failing, TimeSpan OldestAge);
