using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Features;
using MidwestSports.Trivia.Partner;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia;

public sealed class TriviaModule : IModule
{
    /// <summary>The recurring job's id: the daily partner sync (Trivia__Sync__Cron, default 06:00 America/Chicago).</summary>
    public const string DailySyncJob = "trivia-daily-sync";

    private string cron = "0 6 * * *";
    private string timeZone = "America/Chicago";

    public string Name => "Trivia";

    public IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        new(DailySyncJob, cron, async (services, ct) =>
        {
            var sync = services.GetRequiredService<TriviaSync>();
            var run = await sync.CreateRunAsync(SyncTrigger.Schedule, "job:" + DailySyncJob, ct);
            await sync.ExecuteAsync(run.Id, ct);
        }, timeZone),
    ];

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        cron = configuration["Trivia:Sync:Cron"] ?? cron;
        timeZone = configuration["Trivia:Sync:TimeZone"] ?? timeZone;
        services.AddModuleDbContext<TriviaDbContext>(Name, TriviaDbContext.SchemaName);
        services.AddAuditNames<TriviaDbContext, Domain.PartnerLink>(l => l.Id, l => l.Name);
        services.AddAuditNames<TriviaDbContext, Domain.TriviaNight>(n => n.Id, n => n.VenueName + ", " + n.Season + " week " + n.Week.ToString());
        services.AddAuditNames<TriviaDbContext, Domain.TriviaResult>(r => r.Id, r => r.TeamName);
        services.AddAuditNames<TriviaDbContext, Domain.TriviaUpload>(u => u.Id, u => u.FileName);
        services.AddAuditNames<TriviaDbContext, Domain.SyncRun>(r => r.Id, r => r.Trigger == SyncTrigger.Manual ? "started by hand" : "on schedule");
        services.AddScoped<IAuditNames, TriviaRulesAuditNames>();
        services.AddTriviaPartner(configuration);
        services.AddScoped<NightApplier>();
        services.AddScoped<Upload.UploadPipeline>();
        services.AddScoped<TriviaSync>();
        services.AddScoped<TriviaLeagueAccess>();
        services.AddSingleton<TriviaSyncQueue>();
        services.AddHostedService<TriviaSyncWorker>();
        services.AddHealthChecks().AddCheck<TriviaFreshnessCheck>(TriviaFreshnessCheck.Name, tags: ["freshness"]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var trivia = endpoints.MapGroup("/api/trivia").WithTags("Trivia").RequireAuthorization(AccessPolicies.CityUser);
        SyncNowEndpoint.Map(trivia);
        SyncRunEndpoints.Map(trivia);
        ReviewQueueEndpoints.Map(trivia);
        TriviaStandingsEndpoints.Map(trivia);
        TriviaRulesEndpoints.Map(trivia);
        MissingNightsEndpoint.Map(trivia);
        UploadTriviaNightsEndpoint.Map(trivia);
        TriviaUploadDecisionEndpoints.Map(trivia);
    }
}
