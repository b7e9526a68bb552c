using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using MidwestSports.Testing;

namespace MidwestSports.Browser.Tests;

/// <summary>
/// <c>samples/public-site</c> served as files by a Kestrel of its own on another loopback port: a second origin, as
/// the real public website is, so the API is reached through CORS and the widget is framed cross-origin.
/// </summary>
internal sealed class SampleSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private SampleSite(WebApplication app, string origin)
    {
        this.app = app;
        Origin = origin;
    }

    /// <summary>scheme://host:port, nothing after it.</summary>
    public string Origin { get; }

    /// <summary>The same server under its other name: an origin the app does not allow.</summary>
    public string OtherOrigin => Origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>Pages a test writes, served at <c>/pages/{name}</c>, as a website would serve its own pages.</summary>
    public ConcurrentDictionary<string, string> Pages { get; } = new();

    public static async Task<SampleSite> StartAsync()
    {
        var files = new PhysicalFileProvider(Path.Combine(TestPostgres.RepositoryRoot(), "samples", "public-site"));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        SampleSite? site = null;
        app.MapGet("/pages/{name}", (string name) => site!.Pages.TryGetValue(name, out var html) ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new SampleSite(app, new Uri(address).GetLeftPart(UriPartial.Authority));
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
