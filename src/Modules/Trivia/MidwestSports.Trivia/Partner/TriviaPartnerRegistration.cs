using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MidwestSports.Trivia.Partner;

/// <summary>
/// The partner's HTTP client with its resilience pipeline: a timeout per attempt, retries with exponential back-off
/// and jitter that honour Retry-After (5xx, 408, 429, timeouts; never 401), a circuit breaker, and a total limit.
/// </summary>
internal static class TriviaPartnerRegistration
{
    public static void AddTriviaPartner(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TriviaPartnerOptions>(configuration.GetSection("Trivia:Partner"));
        services.Configure<TriviaSyncOptions>(configuration.GetSection("Trivia:Sync"));
        services.AddHttpClient<ITriviaPartnerFeed, FeedV1Client>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider services) =>
            {
                var partner = services.GetRequiredService<IOptions<TriviaPartnerOptions>>().Value;
                resilience.AttemptTimeout.Timeout = partner.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = partner.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = partner.MaxRetries;
                resilience.Retry.Delay = partner.RetryDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.Retry.ShouldRetryAfterHeader = true;
                // The breaker's window must be at least twice an attempt's timeout (the pipeline's own rule).
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, partner.AttemptTimeout.Ticks * 2));
            });
    }
}
