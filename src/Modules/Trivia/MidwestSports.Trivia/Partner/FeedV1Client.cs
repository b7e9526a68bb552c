using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MidwestSports.Trivia.Partner;

/// <summary>
/// The v1 feed over HTTP. Transient failures (5xx, 429 with Retry-After, timeouts) are retried with back-off by the
/// resilience pipeline registered with this client (<see cref="TriviaPartnerRegistration"/>); what is left reaches
/// here as a status or an exception and fails the run with a reason a person can act on.
/// </summary>
internal sealed partial class FeedV1Client(HttpClient http, IOptions<TriviaPartnerOptions> options, IServiceProvider services) : ITriviaPartnerFeed
{
    public string Name => "feed-v1";

    public async Task<FetchedPage> FetchAsync(DateTimeOffset updatedSince, string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            throw new PartnerFeedException("The trivia partner is not configured (Trivia__Partner__BaseUrl).");
        }

        var url = $"{BaseUrl(settings.BaseUrl).TrimEnd('/')}/v1/events?updatedSince={Uri.EscapeDataString(updatedSince.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"
            + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", settings.ApiKey ?? string.Empty);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new PartnerFeedException($"The partner did not answer after retries: {ex.Message}", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new PartnerFeedException("The partner refused the API key (HTTP 401). Check Trivia__Partner__ApiKey.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PartnerFeedException($"The partner answered HTTP {(int)response.StatusCode} after retries.");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                var page = JsonSerializer.Deserialize<FeedPage>(body)
                    ?? throw new PartnerFeedException("The partner sent an empty page.");
                if (page.Events is null)
                {
                    throw new PartnerFeedException("The partner's page has no \"events\" list (not the v1 schema).");
                }

                return new FetchedPage(page, body);
            }
            catch (JsonException ex)
            {
                throw new PartnerFeedException($"The partner sent malformed JSON ({ex.Message}).", ex);
            }
        }
    }
}

internal sealed partial class FeedV1Client
{
    /// <summary>"self:/path" is this app's own first address plus the path: the Development fake partner, on whatever port the app got.</summary>
    private string BaseUrl(string configured)
    {
        if (!configured.StartsWith(TriviaPartnerOptions.Self, StringComparison.Ordinal))
        {
            return configured;
        }

        var address = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new PartnerFeedException("The fake partner needs the app's own address, and the server has none.");
        return address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("*", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/')
            + configured[TriviaPartnerOptions.Self.Length..];
    }
}

internal sealed class TriviaPartnerOptions
{
    /// <summary>The prefix of a BaseUrl on this app itself ("self:/dev/trivia-partner").</summary>
    public const string Self = "self:";

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>One attempt's limit; the pipeline retries a timed-out attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>All attempts of one page together.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    public int MaxRetries { get; set; } = 4;

    /// <summary>The first back-off; it doubles (with jitter) unless the partner's Retry-After says otherwise.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

internal sealed class TriviaSyncOptions
{
    /// <summary>Cron of the daily run, in <see cref="TimeZone"/> (default 06:00 America/Chicago).</summary>
    public string Cron { get; set; } = "0 6 * * *";

    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>Every run re-reads this window before the last success: partners correct nights late.</summary>
    public int LookbackDays { get; set; } = 14;

    /// <summary>A guard against a partner whose cursor never ends.</summary>
    public int MaxPages { get; set; } = 5_000;
}
