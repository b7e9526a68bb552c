using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MidwestSports.Host.Tests.Integration;

// The trivia partner as the sync tests script it: the v1 feed's bodies, and a stub server that answers them.

internal sealed record FeedPageBody(DateTimeOffset GeneratedAt, IReadOnlyList<FeedNight> Events, string? NextCursor);

internal sealed record FeedNight(string EventId, string Status, DateTimeOffset LastModified, string SeasonId, int Week, string GameType, string Date, string StartTime, FeedVenueBody Venue, IReadOnlyList<FeedResultBody> Results);

internal sealed record FeedVenueBody(string VenueId, string Name, string City);

internal sealed record FeedResultBody(string TeamId, string TeamName, int[] Rounds, int Bonus, int Total, int? Rank);

/// <summary>A partner on Kestrel that answers scripted statuses, raw bodies and pages in order; <see cref="Repeat"/> serves the last pages again.</summary>
internal sealed class StubPartner : IAsyncDisposable
{
    public const string Key = "test-key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication web;
    private readonly List<FeedPageBody> served = [];
    private int requests;

    private StubPartner(WebApplication web) => this.web = web;

    public ConcurrentQueue<FeedPageBody> Pages { get; } = new();

    public ConcurrentQueue<HttpStatusCode> Status { get; } = new();

    public ConcurrentQueue<string> Raw { get; } = new();

    public int Requests => requests;

    /// <summary>How long every answer takes (a slow partner; longer than the attempt timeout, a partner that times out).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request waits until it completes: a partner held open while a test arranges what happens meanwhile.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public string BaseUrl => web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<StubPartner> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var stub = new StubPartner(web);
        web.MapGet("/v1/events", async (HttpContext http) =>
        {
            Interlocked.Increment(ref stub.requests);
            try
            {
                if (stub.Gate is { } gate)
                {
                    await gate.Task.WaitAsync(http.RequestAborted);
                }

                await Task.Delay(stub.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty; // the client gave up on this attempt
            }

            return stub.Answer(http);
        });
        await web.StartAsync();
        return stub;
    }

    public void Reset()
    {
        Pages.Clear();
        Status.Clear();
        Raw.Clear();
        served.Clear();
        requests = 0;
        Delay = TimeSpan.Zero;
        Gate?.TrySetResult();
        Gate = null;
    }

    public void Repeat()
    {
        foreach (var page in served.ToList())
        {
            Pages.Enqueue(page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }

    private IResult Answer(HttpContext http)
    {
        if (http.Request.Headers["X-Api-Key"] != Key)
        {
            return Results.StatusCode(401);
        }

        if (Status.TryDequeue(out var status))
        {
            if (status == HttpStatusCode.TooManyRequests)
            {
                http.Response.Headers.RetryAfter = "0";
            }

            return Results.StatusCode((int)status);
        }

        if (Raw.TryDequeue(out var raw))
        {
            return Results.Text(raw, "application/json");
        }

        if (Pages.TryDequeue(out var page))
        {
            served.Add(page);
            return Results.Json(page, Json);
        }

        return Results.Json(new FeedPageBody(DateTimeOffset.UtcNow, [], null), Json);
    }
}
