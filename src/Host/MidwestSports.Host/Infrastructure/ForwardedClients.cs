using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy the client's address is in <c>X-Forwarded-For</c>, but only a known proxy may say so:
/// otherwise any client could pick its own address and walk past the per-client limits. Proxies are listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), or
/// <c>PublicApi:KnownProxies</c>; with none configured (the default, loopback included) the header is ignored.
/// </summary>
internal static class ForwardedClients
{
    public static WebApplication UseForwardedClients(this WebApplication app)
    {
        var configuration = app.Configuration;
        var proxies = Values(configuration, "ForwardedHeaders:KnownProxies").Concat(Values(configuration, "PublicApi:KnownProxies")).ToList();
        var networks = Values(configuration, "ForwardedHeaders:KnownNetworks").ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network (such as 10.0.0.0/8)."));
        }

        app.UseForwardedHeaders(options);
        return app;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
