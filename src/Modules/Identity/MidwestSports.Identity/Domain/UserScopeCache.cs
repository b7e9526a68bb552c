using System.Collections.Concurrent;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Identity.Domain;

/// <summary>What a request needs to know of its user; the stamp decides whether a cookie or token still stands for them.</summary>
internal sealed record CachedUser(string? Email, PlatformRole Role, bool Disabled, string? SecurityStamp, IReadOnlySet<Guid> CityIds, long ExpiresAt);

/// <summary>
/// The users behind recent requests, so that authenticating a request costs a dictionary read instead of a database
/// round trip. Every save of the Identity database that touches a user or a city grant evicts that user
/// (<see cref="UserScopeInvalidation"/>), before and after its commit: a disabled user, a new stamp, a lowered role or
/// a revoked city counts on the very next request. The generation guards the one race: a read that began before a change
/// and stores after its eviction would put the old values back, so a store made across an eviction is undone.
/// Other hosts hear of each eviction through <see cref="UserScopeBroadcast"/>; the lifetime bounds only what a change
/// made outside the app (psql) or a lost signal can leave behind; see docs/performance.md and docs/adr/0021.
/// </summary>
internal sealed class UserScopeCache(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<Guid, CachedUser> users = new();
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(Guid userId, out CachedUser user)
    {
        if (users.TryGetValue(userId, out user!) && user.ExpiresAt > time.GetTimestamp())
        {
            return true;
        }

        user = null!;
        return false;
    }

    public CachedUser Entry(string? email, PlatformRole role, bool disabled, string? stamp, IReadOnlySet<Guid> cityIds) =>
        new(email, role, disabled, stamp, cityIds, time.GetTimestamp() + (long)(lifetime.TotalSeconds * time.TimestampFrequency));

    /// <summary>Keeps what was read from the database, unless an eviction happened since <paramref name="readSince"/>.</summary>
    public void Store(Guid userId, CachedUser user, long readSince)
    {
        if (Generation != readSince)
        {
            return;
        }

        users[userId] = user;
        if (Generation != readSince)
        {
            users.TryRemove(new KeyValuePair<Guid, CachedUser>(userId, user));
        }
    }

    /// <summary>Forgets every user (this host may have missed another host's evictions).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        users.Clear();
    }

    public void Evict(IEnumerable<Guid> userIds)
    {
        Interlocked.Increment(ref generation);
        foreach (var id in userIds)
        {
            users.TryRemove(id, out _);
        }
    }
}
