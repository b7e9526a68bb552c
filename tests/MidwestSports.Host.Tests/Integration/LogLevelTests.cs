using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using Serilog.Events;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// What an operator reading the log at Information sees: a refused request (validation, access, conflict) is one
/// request line and nothing else; the refusal itself is at Debug. An unexpected exception is an Error with its exception.
/// </summary>
public sealed class LogLevelTests
{
    private const string RequestLine = "Serilog.AspNetCore.RequestLoggingMiddleware";
    private static MidwestApp app = null!;
    private World world = null!;

    [OneTimeSetUp]
    public static void Start()
    {
        app = new MidwestApp(
            Database.Postgres.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Serilog:Using:0"] = typeof(LogCapture).Assembly.GetName().Name,
                ["Serilog:WriteTo:0"] = "CapturedLogs",
                // Debug for the platform's own events, so the test sees that refusals are logged, only lower.
                ["Serilog:MinimumLevel:Override:MidwestSports"] = "Debug",
            },
            services => services.AddScoped<IAuditReader, BrokenAuditReader>());
        _ = app.Server;
    }

    [OneTimeTearDown]
    public static async Task StopAsync() => await app.DisposeAsync();

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task RefusedRequests_ValidationAccessConflict_LogNothingAtInformationButTheRequestLine()
    {
        using var admin = await ClientAsync(Persona.MilwaukeeAdmin);
        using var viewer = await ClientAsync(Persona.MadisonViewer);
        var league = new { name = "Logged League", sport = "Kickball", cityId = world.Milwaukee, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active" };
        (await admin.PostAsJsonAsync("/api/leagues", league)).EnsureSuccessStatusCode();

        var (invalid, invalidTrace) = await TracedAsync(admin, HttpMethod.Post, "/api/leagues", league with { name = string.Empty });
        var (forbidden, forbiddenTrace) = await TracedAsync(viewer, HttpMethod.Post, "/api/leagues", league with { cityId = world.Madison });
        var (conflict, conflictTrace) = await TracedAsync(admin, HttpMethod.Post, "/api/leagues", league);
        var traces = new[] { invalidTrace, forbiddenTrace, conflictTrace };
        await WaitForRequestLinesAsync(traces);

        var loud = traces.SelectMany(Events).Where(e => e.Level >= LogEventLevel.Information && Source(e) != RequestLine).ToList();
        var refused = traces.Select(t => Events(t).Count(e => e.Level == LogEventLevel.Debug && e.MessageTemplate.Text.Contains("refused", StringComparison.Ordinal))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(new[] { invalid, forbidden, conflict }, Is.EqualTo(new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Conflict }));
            Assert.That(loud.Select(e => $"{e.Level} {Source(e)}: {e.RenderMessage()}"), Is.Empty, "nothing at Information or above but the request line");
            Assert.That(refused, Is.All.EqualTo(1), "each refusal is still logged once, at Debug");
            Assert.That(
                LogCapture.Events.Where(e => e.Level >= LogEventLevel.Information && e.Exception is MidwestSports.Shared.Errors.DomainException or FluentValidation.ValidationException),
                Is.Empty,
                "no refusal's exception at Information or above, with or without a trace id");
        });
    }

    [Test]
    public async Task UnexpectedException_LogsAnErrorWithTheException()
    {
        using var admin = await ClientAsync(Persona.SystemAdmin);

        var (status, trace) = await TracedAsync(admin, HttpMethod.Get, "/api/audit", null);
        await WaitForRequestLinesAsync([trace]);
        // By its exception rather than the trace id: the handler logs outside the request's enriched scope.
        var errors = LogCapture.Events.Where(e => e.Exception?.Message == BrokenAuditReader.Failure).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(errors.Select(e => e.Level), Has.Some.EqualTo(LogEventLevel.Error), "the exception is logged as an error");
            Assert.That(errors.Where(e => Source(e) != RequestLine).Select(Source), Is.EqualTo(new[] { "MidwestSports.Host.Infrastructure.ProblemDetailsExceptionHandler" }), "once, by the exception handler");
        });
    }

    private static IEnumerable<LogEvent> Events(string traceId) =>
        LogCapture.Events.Where(e => e.Properties.TryGetValue("TraceId", out var id) && id.ToString() == $"\"{traceId}\"");

    private static string Source(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) ? source.ToString().Trim('"') : string.Empty;

    private static async Task WaitForRequestLinesAsync(string[] traces)
    {
        for (var i = 0; i < 100 && !traces.All(t => Events(t).Any(e => Source(e) == RequestLine)); i++)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<(HttpStatusCode Status, string TraceId)> TracedAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, traceId);
    }

    private static async Task<HttpClient> ClientAsync(Persona persona)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await World.LoginAsync(client, World.Email(persona), World.Password));
        return client;
    }

    /// <summary>A module's audit reader failing as nothing expected (a bug, a lost connection).</summary>
    private sealed class BrokenAuditReader : IAuditReader
    {
        public const string Failure = "The audit reader broke.";

        public string Module => "Broken";

        public Task<AuditPage> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Failure);
    }
}
