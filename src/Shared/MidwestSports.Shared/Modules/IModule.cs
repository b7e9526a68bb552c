using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MidwestSports.Shared.Modules;

/// <summary>What the Host needs from a module to compose it: services, endpoints, recurring jobs.</summary>
public interface IModule
{
    /// <summary>The module's name, as shown in logs and on the home page (e.g. "Teams").</summary>
    string Name { get; }

    void Register(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    IEnumerable<RecurringJobDefinition> RecurringJobs => [];
}

/// <summary>
/// A job the Host schedules in Hangfire. Hangfire stores only <see cref="Id"/>; the Host resolves the
/// definition again when the job fires, so the delegate never has to be serialized.
/// Every job must be idempotent: Hangfire delivers at least once.
/// </summary>
/// <param name="TimeZoneId">The IANA zone <paramref name="Cron"/> is read in (UTC when null): "06:00 America/Chicago" stays 06:00 through daylight saving.</param>
public sealed record RecurringJobDefinition(
    string Id,
    string Cron,
    Func<IServiceProvider, CancellationToken, Task> Run,
    string? TimeZoneId = null);
