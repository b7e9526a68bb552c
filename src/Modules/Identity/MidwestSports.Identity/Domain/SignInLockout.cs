using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MidwestSports.Identity.Persistence;

namespace MidwestSports.Identity.Domain;

/// <summary>
/// Failed sign-ins of one account from one client. The lockout is per pair, not per account, so that failures an
/// attacker makes from their address cannot lock the real user out on theirs (docs/adr/0009-sign-in-abuse.md).
/// </summary>
internal sealed class SignInFailure
{
    /// <summary>SHA-256 of the normalised email: the same for known and unknown emails, and no typed text is stored.</summary>
    public string AccountKey { get; set; } = string.Empty;

    public string ClientKey { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed record LockoutSettings(int MaxFailures, TimeSpan Duration)
{
    public static LockoutSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Auth:Lockout:MaxFailures", 5),
        configuration.GetValue("Auth:Lockout:Duration", TimeSpan.FromMinutes(15)));
}

internal sealed class SignInLockout(IdentityDb db, LockoutSettings settings, TimeProvider time)
{
    public static string AccountKey(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    public async Task<bool> IsLockedAsync(string account, string client, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.SignInFailures.AnyAsync(f => f.AccountKey == account && f.ClientKey == client && f.LockedUntil > now, ct);
    }

    /// <summary>
    /// One more failure for the pair, in one statement so that parallel attempts all count. Failures older than the
    /// lockout duration, or from before an expired lock, start the count again.
    /// </summary>
    public async Task RecordFailureAsync(string account, string client, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var forgetBefore = now - settings.Duration;
        var lockUntil = now + settings.Duration;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO identity.sign_in_failures AS f (account_key, client_key, failures, last_failure_at, locked_until)
            VALUES ({account}, {client}, 1, {now}, CASE WHEN 1 >= {settings.MaxFailures} THEN {lockUntil} END)
            ON CONFLICT (account_key, client_key) DO UPDATE SET
              failures = CASE WHEN f.locked_until <= {now} OR f.last_failure_at < {forgetBefore} THEN 1 ELSE f.failures + 1 END,
              last_failure_at = {now},
              locked_until = CASE
                WHEN f.locked_until > {now} THEN f.locked_until
                WHEN (CASE WHEN f.locked_until <= {now} OR f.last_failure_at < {forgetBefore} THEN 1 ELSE f.failures + 1 END) >= {settings.MaxFailures} THEN {lockUntil}
                ELSE NULL END
            """, ct);
    }

    public async Task ClearAsync(string account, string client, CancellationToken ct) =>
        await db.SignInFailures.Where(f => f.AccountKey == account && f.ClientKey == client).ExecuteDeleteAsync(ct);

    /// <summary>After a password reset every client starts again: the person proved they own the mailbox.</summary>
    public async Task ClearAccountAsync(string account, CancellationToken ct) =>
        await db.SignInFailures.Where(f => f.AccountKey == account).ExecuteDeleteAsync(ct);
}
