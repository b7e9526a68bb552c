using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Instruments = MidwestSports.Shared.Telemetry.PlatformTelemetry.Instruments;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Telemetry as an operator sees it: the named instruments with real values (in-memory exporter), a request's trace
/// with its database spans, the scrape endpoint's access rule, and log lines that carry the trace id.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly SpanCollection Spans = new();
    private static readonly List<MetricSnapshot> Metrics = [];
    private static MidwestApp app = null!;
    private World world = null!;

    [OneTimeSetUp]
    public static void StartAsync()
    {
        Serilog.Debugging.SelfLog.Enable(message => TestContext.Progress.WriteLine("Serilog: " + message));
        app = new MidwestApp(
            Database.Postgres.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Telemetry:Tracing:Enabled"] = "true",
                ["Auth:ScopeCacheLifetime"] = "00:00:00",
                // Every log event also goes to the capture sink below, through the app's own Serilog configuration.
                ["Serilog:Using:0"] = typeof(LogCapture).Assembly.GetName().Name,
                ["Serilog:WriteTo:0"] = "CapturedLogs",
            },
            services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                // Collected only when a test flushes.
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics, o => o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 86_400_000));
            });
        _ = app.Server;
    }

    [OneTimeTearDown]
    public static async Task StopAsync() => await app.DisposeAsync();

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Metrics_AfterBackgroundWork_EmitEveryNamedInstrumentWithItsFigures()
    {
        await Database.Postgres.ExecuteAsync(
            "INSERT INTO leagues.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts) VALUES ($1, 'Telemetry.Test', '{}', now() - interval '10 minutes', now() + interval '1 day', 2)",
            Guid.NewGuid());
        using var client = await ClientAsync(Persona.SystemAdmin);
        (await client.GetAsync("/api/leagues")).EnsureSuccessStatusCode();
        await SendAsync(new MidwestSports.Trivia.Contracts.StartTriviaSync(MidwestSports.Trivia.Contracts.SyncTrigger.Manual));
        var import = await SendAsync(new MidwestSports.Import.Contracts.StartImport("teams.csv", "Team,League,Captain\nOtters,Tuesday Kickball,Pat Captain\n"u8.ToArray(), MidwestSports.Import.Contracts.ImportKind.Teams, world.Milwaukee));
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("outbox-cleanup");

        var names = await CollectUntilAsync(
            [Instruments.TriviaSyncRuns, Instruments.ImportRuns, Instruments.JobRuns], TimeSpan.FromSeconds(45));

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.SupersetOf(new[]
            {
                Instruments.OutboxBacklog, Instruments.OutboxOldestAge, Instruments.OutboxFailing,
                Instruments.TriviaSyncRuns, Instruments.TriviaSyncDuration,
                Instruments.ImportRuns, Instruments.ImportRows, Instruments.ImportDuration,
                Instruments.JobRuns, Instruments.JobDuration,
                "http.server.request.duration",
            }));
            Assert.That(names.Where(n => n.StartsWith("db.client.", StringComparison.Ordinal)), Is.Not.Empty, "Npgsql's connection and command metrics");
            Assert.That(names.Where(n => n.StartsWith("dotnet.", StringComparison.Ordinal)), Is.Not.Empty, "runtime metrics");
            Assert.That(GaugeOf(Instruments.OutboxBacklog, "Leagues"), Is.GreaterThanOrEqualTo(1));
            Assert.That(GaugeOf(Instruments.OutboxFailing, "Leagues"), Is.GreaterThanOrEqualTo(1));
            Assert.That(GaugeOf(Instruments.OutboxOldestAge, "Leagues"), Is.InRange(590, 3600), "ten minutes old");
            Assert.That(GaugeOf(Instruments.OutboxBacklog, "Sponsors"), Is.Zero);
            Assert.That(TagsOf(Instruments.ImportRuns), Has.Some.Contains(new KeyValuePair<string, object?>("work", "analyze")).And.Some.Contains(new KeyValuePair<string, object?>("kind", "teams")));
            Assert.That(TagsOf(Instruments.JobRuns), Has.Some.Contains(new KeyValuePair<string, object?>("job", "outbox-cleanup")));
            Assert.That(TagsOf(Instruments.TriviaSyncRuns).SelectMany(t => t).Where(t => t.Key == "outcome").Select(t => t.Value), Is.SubsetOf(new[] { "succeeded", "failed" }).And.Not.Empty);
        });
        TestContext.Out.WriteLine($"import {import.Id}; instruments: {string.Join(", ", names.Order())}");
    }

    [Test]
    public async Task Trace_ApiRequest_HasNpgsqlChildSpansAndNoOrphanDatabaseSpans()
    {
        using var client = await ClientAsync(Persona.SystemAdmin);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leagues");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        var server = await WaitAsync(() => Spans.Snapshot().SingleOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Server));
        var trace = Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
        var database = trace.Where(s => s.Source.Name == "Npgsql").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(server, Is.Not.Null, "the request's server span");
            Assert.That(server!.GetTagItem("http.route"), Is.EqualTo("/api/leagues/"));
            Assert.That(database, Is.Not.Empty, "database spans in the request's trace");
            Assert.That(database.All(s => DescendsFrom(s, server, trace)), Is.True, "every database span sits under the request");
            Assert.That(database.Select(s => s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system")), Has.All.EqualTo("postgresql"));
            Assert.That(Spans.Snapshot().Where(s => s.Source.Name == "Npgsql" && s.ParentSpanId == default), Is.Empty, "polls outside any request or job are not exported");
        });
    }

    [Test]
    public async Task Scrape_AsEachRole_OnlyASystemAdminReadsTheMetrics()
    {
        using var anonymous = app.CreateClient();
        using var cityAdmin = await ClientAsync(Persona.MilwaukeeAdmin);
        using var systemAdmin = await ClientAsync(Persona.SystemAdmin);

        var none = await anonymous.GetAsync("/api/metrics");
        var forbidden = await cityAdmin.GetAsync("/api/metrics");
        var allowed = await systemAdmin.GetAsync("/api/metrics");
        var text = await allowed.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await forbidden.Content.ReadAsStringAsync(), Does.Not.Contain("midwest_"));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(allowed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Contain("# TYPE midwest_outbox_backlog gauge"));
            Assert.That(text, Does.Match("midwest_outbox_backlog\\{[^}]*module=\"Teams\"[^}]*\\} \\d+"));
            Assert.That(text, Does.Contain("http_server_request_duration_seconds_bucket"));
        });
    }

    [Test]
    public async Task Scrape_OnAPortOfItsOwn_ServesTheMetricsThereAndNotOnTheAppsPort()
    {
        var port = FreePort();
        await using var separate = new MidwestApp(Database.Postgres.ConnectionString, new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telemetry:Prometheus:Host"] = "127.0.0.1",
            ["Hangfire:Enabled"] = "false",
        });
        _ = separate.Server;
        using var systemAdmin = separate.CreateClient();
        systemAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(systemAdmin, World.Email(Persona.SystemAdmin), World.Password));
        using var scraper = new HttpClient();

        var onItsPort = await scraper.GetAsync($"http://127.0.0.1:{port}/metrics");
        var onTheAppsPort = await systemAdmin.GetAsync("/api/metrics");

        Assert.Multiple(async () =>
        {
            Assert.That(onItsPort.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await onItsPort.Content.ReadAsStringAsync(), Does.Contain("midwest_outbox_backlog"));
            Assert.That(onTheAppsPort.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
            Assert.That(await onTheAppsPort.Content.ReadAsStringAsync(), Does.Not.Contain("midwest_outbox_backlog"));
        });
    }

    [Test]
    public async Task Logs_DuringARequest_CarryItsTraceIdAndSpanId()
    {
        using var client = await ClientAsync(Persona.SystemAdmin);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leagues");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        var line = await WaitAsync(() => LogCapture.Events.FirstOrDefault(e =>
            e.Properties.TryGetValue("TraceId", out var id) && id.ToString() == $"\"{traceId}\"" && e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)));
        var json = new StringWriter();
        if (line is not null)
        {
            new Serilog.Formatting.Compact.RenderedCompactJsonFormatter().Format(line, json);
        }

        Assert.Multiple(() =>
        {
            Assert.That(line, Is.Not.Null, $"the request's log line, among {LogCapture.Events.Count()} captured: {string.Join(" | ", LogCapture.Events.TakeLast(5).Select(e => e.RenderMessage() + " " + string.Join(",", e.Properties.Keys)))}");
            Assert.That(line?.Properties["SpanId"].ToString(), Does.Match("^\"[0-9a-f]{16}\"$"));
            Assert.That(json.ToString(), Does.Contain($"\"TraceId\":\"{traceId}\""), "the JSON line (Logging:Json) carries it");
        });
    }

    private static bool DescendsFrom(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var current = span;
        for (var depth = 0; depth < 20 && current is not null; depth++)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId);
        }

        return false;
    }

    private static async Task<T?> WaitAsync<T>(Func<T?> find)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Flushes the app's metrics until every one of <paramref name="awaited"/> has a point; returns the names seen.</summary>
    private static async Task<HashSet<string>> CollectUntilAsync(string[] awaited, TimeSpan timeout)
    {
        var provider = app.Services.GetRequiredService<MeterProvider>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Metrics.Clear();
            provider.ForceFlush();
            var names = Metrics.Where(m => m.MetricPoints.Count > 0).Select(m => m.Name).ToHashSet();
            if (awaited.All(names.Contains) || deadline.Elapsed > timeout)
            {
                return names;
            }

            await Task.Delay(250);
        }
    }

    private static double GaugeOf(string name, string module) =>
        Metrics.Where(m => m.Name == name)
            .SelectMany(m => m.MetricPoints.Select(p => (m.MetricType, Point: p)))
            .Where(x => TagList(x.Point).Contains(new KeyValuePair<string, object?>("module", module)))
            .Select(x => x.MetricType == MetricType.LongGauge ? x.Point.GetGaugeLastValueLong() : x.Point.GetGaugeLastValueDouble())
            .DefaultIfEmpty(double.NaN).Max();

    private static List<List<KeyValuePair<string, object?>>> TagsOf(string name) =>
        Metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Select(TagList).ToList();

    private static List<KeyValuePair<string, object?>> TagList(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("test");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<HttpClient> ClientAsync(Persona persona)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(client, World.Email(persona), World.Password));
        _ = world;
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Spans arrive from the threads that end them.</summary>
    private sealed class SpanCollection : ICollection<Activity>
    {
        private readonly List<Activity> items = [];

        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public Activity[] Snapshot()
        {
            lock (items)
            {
                return [.. items];
            }
        }

        public void Add(Activity item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(Activity item) => Snapshot().Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(Activity item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
