using Hangfire;

namespace MidwestSports.Host.Infrastructure;

/// <summary>What a system admin watches on the home page: background jobs that failed, and how long the oldest unpublished event has waited.</summary>
internal sealed record SystemHealth(long FailedJobs, string? OldestOutboxModule, TimeSpan? OldestOutboxAge, IReadOnlyList<string> UnavailableModules);

/// <summary>Reads <see cref="SystemHealth"/> from Hangfire's storage and every module's outbox.</summary>
internal sealed class SystemHealthReader(ModuleStatusReader modules, JobStorage jobs, TimeProvider time)
{
    public async Task<SystemHealth> ReadAsync(CancellationToken cancellationToken = default)
    {
        var statuses = await modules.ReadAllAsync(cancellationToken);
        var oldest = statuses.Where(s => s.OldestUnpublishedAt is not null).MinBy(s => s.OldestUnpublishedAt);
        return new SystemHealth(
            jobs.GetMonitoringApi().FailedCount(),
            oldest?.Module,
            oldest?.OldestUnpublishedAt is { } at ? time.GetUtcNow() - at : null,
            [.. statuses.Where(s => !s.IsMigrated).Select(s => s.Module)]);
    }
}
