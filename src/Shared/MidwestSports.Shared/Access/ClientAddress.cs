using Microsoft.AspNetCore.Http;

namespace MidwestSports.Shared.Access;

/// <summary>
/// The client a request comes from, as the sign-in limits and lockout count it. Behind a proxy this is only right
/// once forwarded headers are configured (docs/runbook.md): otherwise every client looks like the proxy.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
}
