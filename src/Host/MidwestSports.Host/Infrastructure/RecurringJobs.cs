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

    public static void Schedule(IRecurringJobManager manager)
    {
        foreach (var job in All)
        {
            var options = new RecurringJobOptions { TimeZone = job.TimeZoneId is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc };
            manager.AddOrUpdate<RecurringJobRunner>(job.Id, runner => runner.RunAsync(job.Id, CancellationToken.None), job.Cron, options);
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
