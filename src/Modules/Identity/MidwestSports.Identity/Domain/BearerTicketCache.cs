using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace MidwestSports.Identity.Domain;

/// <summary>
/// Decrypts a bearer token once, not on every request: on Linux, data protection derives keys and checks an HMAC-SHA512
/// for each token it opens, a sixth of a team-listing request when measured. Only tokens that decrypted are kept (a
/// garbage token costs what it did), each until its own expiry, which the bearer handler still checks on every request;
/// revocation does not depend on this (the user's stamp is checked per request by <see cref="IdentityScopeResolver"/>).
/// Every request gets its own copy of the ticket, since later middleware adds claims to the principal.
/// </summary>
internal sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, AuthenticationTicket> tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (tickets.TryGetValue(protectedText, out var cached))
        {
            if (cached.Properties.ExpiresUtc > time.GetUtcNow())
            {
                return Copy(cached);
            }

            tickets.TryRemove(protectedText, out _);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is not null)
        {
            if (tickets.Count >= Capacity)
            {
                tickets.Clear(); // a bound, not an eviction policy: a full cache refills from live tokens within seconds
            }

            tickets[protectedText] = Copy(ticket);
        }

        return ticket;
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
