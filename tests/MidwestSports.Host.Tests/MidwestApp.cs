using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MidwestSports.Host.Tests;

/// <summary>
/// The real Host on a real database. The relay is off so tests decide when it runs. Sign-in limits are high unless
/// a test sets them (many tests sign in from the one test-server client), and a request may say which client
/// address it comes from with <see cref="ClientHeader"/>, so tests can act as an attacker and as the real user.
/// </summary>
internal sealed class MidwestApp(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string ClientHeader = "X-Test-Client-Address";

    /// <summary>The website origin the public API allows in tests (CORS, widget frames).</summary>
    public const string PublicSiteOrigin = "https://www.midwest-sports.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Outbox:RelayInterval", "00:00:00");
        builder.UseSetting("Hangfire:WorkerCount", "1");
        builder.UseSetting("Auth:RateLimit:PerClientPermits", "100000");
        builder.UseSetting("Auth:RateLimit:PerAccountPermits", "100000");
        builder.UseSetting("PublicApi:RateLimit:PerMinute", "0");
        builder.UseSetting("PublicApi:AllowedOrigins", PublicSiteOrigin);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services?.Invoke(collection);
        });
    }

    /// <summary>The test server has no remote address; a test names one per request.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
