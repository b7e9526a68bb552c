using Hangfire;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Modules;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Every recurring job of the platform, listed in one place: the Host's own and each module's. Hangfire stores
/// only the job id; <see cref="RecurringJobRunner"/> finds the definition again when it fires.
/// </summary>
internal static class RecurringJobs
{
    public static IReadOnlyList<RecurringJobDefinition> All { get; } =
    [
        new("outbox-cleanup", Cron.Daily(3), (sp, ct) => sp.GetRequiredService<OutboxCleanup>().RunAsync(ct)),
        .. ModuleCatalog.All.SelectMany(m => m.RecurringJobs),
    ];

    /// <summary>Registers every job; <c>Jobs:{id}:Cron</c> overrides a job's schedule (six fields: seconds first).</summary>
    public static void Schedule(IRecurringJobManager manager, IConfiguration? configuration = null)
    {
        foreach (var job in All)
        {
            var cron = configuration?[$"Jobs:{job.Id}:Cron"] is { Length: > 0 } configured ? configured : job.Cron;
            var options = new RecurringJobOptions { TimeZone = job.TimeZoneId is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc };
            manager.AddOrUpdate<RecurringJobRunner>(job.Id, runner => runner.RunAsync(job.Id, CancellationToken.None), cron, options);
        }
    }
}

internal sealed class RecurringJobRunner(IServiceScopeFactory scopes)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = RecurringJobs.All.SingleOrDefault(j => j.Id == jobId)
            ?? throw new InvalidOperationException($"No recurring job '{jobId}' is defined.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System(job.Id);
        await job.Run(scope.ServiceProvider, cancellationToken);
    }
}
