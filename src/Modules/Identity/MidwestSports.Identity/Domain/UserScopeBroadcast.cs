using System.Globalization;
using Microsoft.Extensions.Logging;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Identity.Domain;

/// <summary>
/// Carries <see cref="UserScopeCache"/> evictions to every host on the database: a user disabled or a city revoked
/// through one host counts on the others' next request too, not only after the cache lifetime. Sent after the commit
/// (by <see cref="UserScopeInvalidation"/>) through PostgreSQL NOTIFY; a host that lost its listening connection
/// clears its whole cache (docs/adr/0021-cluster-signals.md).
/// </summary>
internal sealed partial class UserScopeBroadcast(UserScopeCache cache, ClusterSignals signals, ILogger<UserScopeBroadcast> logger)
    : IClusterSignalHandler
{
    public const string ChannelName = "identity_user_scope";

    public string Channel => ChannelName;

    /// <summary>Tells every host; never fails or delays the save that caused it (the cache lifetime bounds a lost signal).</summary>
    public void Publish(IReadOnlyCollection<Guid> userIds) => _ = SendAsync(userIds);

    public void OnSignal(string payload)
    {
        var ids = payload.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Guid.TryParse(id, CultureInfo.InvariantCulture, out var parsed) ? parsed : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList();
        cache.Evict(ids);
    }

    public void OnSignalsMissed() => cache.Clear();

    private async Task SendAsync(IReadOnlyCollection<Guid> userIds)
    {
        try
        {
            await signals.SendAsync(ChannelName, userIds.Select(id => id.ToString("N")), CancellationToken.None);
        }
#pragma warning disable CA1031 // a lost signal is bounded by the cache lifetime; the change itself is committed
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(logger, ex, userIds.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other hosts that {Count} users changed; their caches expire within Auth:ScopeCacheLifetime")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int count);
}
