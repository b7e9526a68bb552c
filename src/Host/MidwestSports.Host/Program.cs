using Hangfire;
using Hangfire.PostgreSql;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using MidwestSports.Shared.Access;
using MidwestSports.Host.Components;
using MidwestSports.Host.Infrastructure;
using MidwestSports.Host.Infrastructure.Auditing;
using MidwestSports.Shared.Behaviors;
using MidwestSports.Shared.Messaging;
using MidwestSports.Shared.Persistence;
using MudBlazor.Services;
using Npgsql;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";

// The connection string is checked before anything else uses it: a bad one ends the process with one line.
var connectionString = builder.Configuration.GetConnectionString("Postgres");
if (!StartupChecks.TryBuildDataSource(connectionString, out var dataSource, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

builder.Host.UseSerilog((context, services, logger) =>
{
    logger.ReadFrom.Configuration(context.Configuration)
        .Enrich.FromLogContext()
        .Enrich.With<ModuleEnricher>()
        .Enrich.With<TelemetryLogEnricher>();
    // Asynchronous: a request never waits for the console (RequestLogging.cs says why).
    if (context.Configuration.GetValue<bool>("Logging:Json"))
    {
        logger.WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter()), RequestLogging.BufferSize);
    }
    else
    {
        logger.WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Module}: {Message:lj}{NewLine}{Exception}"), RequestLogging.BufferSize);
    }
});

DevTriviaPartner.UseWhenEnabled(builder);
builder.Services.AddSharedKernel(dataSource);
builder.AddPlatformTelemetry();
builder.AddReadReplica();
builder.Services.AddWebSecurity(builder.Configuration, builder.Environment);
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
foreach (var module in ModuleCatalog.All)
{
    module.Register(builder.Services, builder.Configuration);
}

builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies =
    [
        typeof(MidwestSports.Identity.IdentityModule),
        typeof(MidwestSports.Identity.Contracts.UserDto),
        typeof(MidwestSports.Leagues.LeaguesModule),
        typeof(MidwestSports.Leagues.Contracts.CityDto),
        typeof(MidwestSports.Teams.TeamsModule),
        typeof(MidwestSports.Sponsors.SponsorsModule),
        typeof(MidwestSports.Sponsors.Contracts.SponsorDto),
        typeof(MidwestSports.Teams.Contracts.TeamDto),
        typeof(MidwestSports.Trivia.TriviaModule),
        typeof(MidwestSports.Trivia.Contracts.SyncRunDto),
        typeof(MidwestSports.PublicSite.PublicSiteModule),
        typeof(MidwestSports.PublicSite.Contracts.PublicChange),
        typeof(MidwestSports.Import.ImportModule),
        typeof(MidwestSports.Import.Contracts.ImportKind),
        typeof(Program),
    ];
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(WriteAccessBehavior<,>), typeof(ValidationBehavior<,>), typeof(ConcurrencyBehavior<,>), typeof(UniqueKeyBehavior<,>)];
});

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier));
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi(OpenApiContract.Configure);
builder.Services.AddOpenApi(PublicApiDocument.Name, PublicApiDocument.Configure);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    options.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
        options.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), JsonContract.RequireEnumsAndIds);
});
// A body or parameter that cannot be bound is thrown to the one exception handler, which names the field (in every environment).
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

builder.Services.AddHangfire(configuration => configuration
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(
        options => options.UseNpgsqlConnection(connectionString),
        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
if (builder.Configuration.GetValue("Hangfire:Enabled", true) && command == "run")
{
    builder.Services.AddHangfireServer(options =>
    {
        options.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", 2);
        options.SchedulePollingInterval = builder.Configuration.GetValue("Hangfire:SchedulePollingInterval", TimeSpan.FromSeconds(15));
    });
}

builder.Services.AddSingleton<RecurringJobRunner>();
builder.Services.AddScoped<OutboxCleanup>();
builder.Services.AddScoped<ModuleSender>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<ModuleStatusReader>();
builder.Services.AddSingleton<SystemHealthReader>();

builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
    .AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
builder.Services.AddMudServices();

var app = builder.Build();

if (!await StartupChecks.CanConnectAsync(dataSource))
{
    return 2;
}

if (command == "migrate" || app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await DatabaseMigrator.MigrateAsync(app.Services);
    RecurringJobs.Schedule(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
}

switch (command)
{
    case "migrate":
        Log.Information("Migrations applied; exiting");
        return 0;
    case "create-admin":
        return await HostCommands.CreateAdminAsync(app.Services, args);
    case "rebuild-listing":
        return await HostCommands.RebuildListingAsync(app.Services, args);
    case "seed":
        return await HostCommands.SeedAsync(app.Services, app.Configuration, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Seed"), args);
    case "run":
        break;
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: run (default), migrate, create-admin --email … --password …, seed --teams N, rebuild-listing [--swap].");
        return 2;
}

if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
{
    await DemoData.SeedAsync(app.Services, app.Configuration, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DemoData"));
}

// Request logging wraps the exception handler, so it logs the status the client got (404), not the exception.
app.UseSerilogRequestLogging(RequestLogging.Configure);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseForwardedClients();
app.UseReadYourWrites();
// CORS before the limits, so that a website's script can read the 429 it gets.
app.UseCors();
app.UseWebSecurity();
app.UseMiddleware<QueryStringGuardMiddleware>();
// The public site's answers are served from memory from here on (anonymous: no sign-in is read for them).
app.UseOutputCache();
app.UseMiddleware<IfMatchMiddleware>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseAuthentication();
app.UseMiddleware<CityScopeMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

// The admin API's document needs a sign-in; the public API's document is public, like the API it describes.
app.MapOpenApi("/openapi/{documentName:regex(^v1$)}.json").RequireAuthorization(AccessPolicies.CityUser);
app.MapOpenApi("/openapi/{documentName:regex(^public-v1$)}.json").AllowAnonymous();
// The API reference works offline and shows only this project: no CDN fonts, no vendor telemetry, AI agent,
// MCP or developer toolbar.
app.MapScalarApiReference(options =>
    {
        options.Title = "Midwest Sports API";
        options.Favicon = "/favicon.svg";
        options.DefaultFonts = false;
        options.Telemetry = false;
        options.HideClientButton = true;
        options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        options.Agent = new ScalarAgentOptions { Disabled = true };
        options.Mcp = new ScalarMcpOptions { Disabled = true };
    })
    .RequireAuthorization(AccessPolicies.CityUser);
app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
// Data freshness (the trivia partner's sync): Degraded is a warning for monitoring, never a reason to stop sending traffic.
app.MapHealthChecks("/health/freshness", new() { Predicate = c => c.Tags.Contains("freshness"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapTelemetryEndpoints();
app.MapHangfireDashboard("/jobs", new DashboardOptions { DashboardTitle = "Midwest Sports jobs", Authorization = [new SystemAdminDashboardFilter()] })
    .RequireAuthorization(AccessPolicies.SystemAdmin);
app.MapPost("/account/logout", AccountEndpoints.LogoutAsync).RequireAuthorization(AccessPolicies.CityUser).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).WithName("Logout").ExcludeFromDescription();

// Every module endpoint checks the text it binds and tags editable resources with their version.
var moduleEndpoints = app.MapGroup(string.Empty).AddEndpointFilter<TextArgumentsFilter>().AddEndpointFilter<VersionETagFilter>();
foreach (var module in ModuleCatalog.All)
{
    module.MapEndpoints(moduleEndpoints);
}

AuditEndpoints.Map(app);
DevTriviaPartner.Map(app);
if (app.Configuration.GetValue<bool>("Bench:BareEndpoints"))
{
    BareEndpoints.Map(app);
}

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .Add(EndpointAccess.ClassifyFrameworkEndpoints);

await app.RunAsync();
return 0;

/// <summary>The entry point; public so the test host can start it.</summary>
public partial class Program;
