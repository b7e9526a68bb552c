using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Persistence;

namespace MidwestSports.Trivia.Sync;

/// <summary>
/// "trivia-freshness": Degraded when, during a season (a live trivia league exists), no sync has succeeded for 36
/// hours; the partner data on the public site is then stale. Not part of readiness: the app still serves.
/// </summary>
internal sealed class TriviaFreshnessCheck(TriviaDbContext db, ILeagueDirectory leagues, TimeProvider time) : IHealthCheck
{
    public const string Name = "trivia-freshness";
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var inSeason = (await leagues.AllAsync(cancellationToken)).Any(l =>
            string.Equals(l.Sport, MidwestCandidates.TriviaSport, StringComparison.OrdinalIgnoreCase) && l.Status is LeagueStatus.Active or LeagueStatus.Registration);
        if (!inSeason)
        {
            return HealthCheckResult.Healthy("No trivia league is in season.");
        }

        var last = await db.Runs.Where(r => r.Status == SyncRunStatus.Succeeded).MaxAsync(r => (DateTimeOffset?)r.FinishedAt, cancellationToken);
        var data = new Dictionary<string, object> { ["lastSuccess"] = last?.ToString("O") ?? "never" };
        return last is { } at && time.GetUtcNow() - at <= StaleAfter
            ? HealthCheckResult.Healthy($"Last successful trivia sync {at:O}.", data)
            : HealthCheckResult.Degraded(last is null ? "No trivia sync has succeeded yet." : $"No successful trivia sync for {(time.GetUtcNow() - last.Value).TotalHours:0} hours.", data: data);
    }
}
