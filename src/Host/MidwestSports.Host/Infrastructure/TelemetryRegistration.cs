using Hangfire;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// OpenTelemetry for Program.cs: metrics always (ASP.NET Core, Kestrel, HttpClient, Npgsql, runtime, Hangfire jobs, the
/// outbox backlog, sync and import runs), traces when something receives them, OTLP when an endpoint is configured, and
/// a Prometheus scrape endpoint (ADR 0022; docs/runbook.md#telemetry names the instruments and the alerts).
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary>The scrape endpoint on the app's port; on a port of its own (Telemetry:Prometheus:Port) it is <c>/metrics</c>.</summary>
    public const string ScrapePath = "/api/metrics";

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Enabled)
        {
            return builder;
        }

        builder.Services.AddSingleton<OutboxBacklogGauges>();
        TelemetryJobFilter.AddOnce(GlobalJobFilters.Filters);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                settings.ServiceName,
                serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"));

        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(PlatformTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (settings.PrometheusPort is { } port)
            {
                metrics.AddPrometheusHttpListener(o =>
                {
                    o.Host = settings.PrometheusHost;
                    o.Port = port;
                });
            }
            else if (settings.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (settings.OtlpConfigured)
            {
                metrics.AddOtlpExporter(o => settings.ApplyOtlp(o, "v1/metrics"));
            }
        });

        if (settings.Tracing)
        {
            otel.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SampleRatio)))
                    // First: it decides which spans the exporters after it see.
                    .AddProcessor(new TelemetrySpanFilter())
                    .AddSource(PlatformTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !TelemetrySpanFilter.IsProbeOrScrape(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (settings.OtlpConfigured)
                {
                    tracing.AddOtlpExporter(o => settings.ApplyOtlp(o, "v1/traces"));
                }
            });
        }

        return builder;
    }

    /// <summary>The scrape endpoint on the app's own port, for system admins only (unless a port of its own is set), and the outbox gauges.</summary>
    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        var settings = TelemetrySettings.From(app.Configuration);
        if (!settings.Enabled)
        {
            return app;
        }

        // Created now, so the gauges exist before the first collection.
        app.Services.GetRequiredService<OutboxBacklogGauges>();
        if (settings.Prometheus && settings.PrometheusPort is null)
        {
            // Under /api: a scraper is a program, so it gets 401/403 like any API client, never the sign-in page's redirect.
            app.MapPrometheusScrapingEndpoint(ScrapePath)
                .WithMetadata(new HttpMethodMetadata(["GET"]))
                .RequireAuthorization(AccessPolicies.SystemAdmin)
                .WithDisplayName("Prometheus metrics");
        }

        return app;
    }
}

/// <summary>The <c>Telemetry</c> settings (README, "Telemetry"), and the standard OTEL_* variables they defer to.</summary>
internal sealed record TelemetrySettings(
    bool Enabled,
    string ServiceName,
    string? OtlpEndpoint,
    OtlpExportProtocol OtlpProtocol,
    bool OtlpConfigured,
    bool Tracing,
    double SampleRatio,
    bool Prometheus,
    int? PrometheusPort,
    string PrometheusHost)
{
    public static TelemetrySettings From(IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:Otlp:Endpoint"];
        var protocol = (configuration["Telemetry:Otlp:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) is "http/protobuf" or "HttpProtobuf"
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        var otlp = !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var port = configuration.GetValue<int?>("Telemetry:Prometheus:Port");
        return new(
            configuration.GetValue("Telemetry:Enabled", true),
            configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "midwest-sports",
            string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.TrimEnd('/'),
            protocol,
            otlp,
            configuration.GetValue("Telemetry:Tracing:Enabled", otlp),
            Math.Clamp(configuration.GetValue("Telemetry:Tracing:SampleRatio", 1.0), 0.0, 1.0),
            configuration.GetValue("Telemetry:Prometheus:Enabled", true),
            port is > 0 ? port : null,
            configuration["Telemetry:Prometheus:Host"] is { Length: > 0 } host ? host : "*");
    }

    /// <summary>
    /// Telemetry:Otlp:Endpoint is a base address like OTEL_EXPORTER_OTLP_ENDPOINT: over HTTP each signal gets its path.
    /// Without it the exporter reads the OTEL_EXPORTER_OTLP_* variables itself.
    /// </summary>
    public void ApplyOtlp(OtlpExporterOptions options, string signalPath)
    {
        if (OtlpEndpoint is null)
        {
            return;
        }

        options.Protocol = OtlpProtocol;
        options.Endpoint = new Uri(OtlpProtocol == OtlpExportProtocol.HttpProtobuf ? $"{OtlpEndpoint}/{signalPath}" : OtlpEndpoint);
    }
}
