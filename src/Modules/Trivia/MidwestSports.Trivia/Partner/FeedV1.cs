using System.Text.Json.Serialization;

namespace MidwestSports.Trivia.Partner;

/// <summary>One page of the partner's v1 feed: <c>GET {base}/v1/events?updatedSince=…&amp;cursor=…</c>.</summary>
internal sealed record FeedPage(
    [property: JsonPropertyName("generatedAt")] DateTimeOffset? GeneratedAt,
    [property: JsonPropertyName("events")] IReadOnlyList<FeedEvent>? Events,
    [property: JsonPropertyName("nextCursor")] string? NextCursor);

/// <summary>A night as the partner sends it. Everything is nullable here: validation, not deserialisation, decides what is missing.</summary>
internal sealed record FeedEvent(
    [property: JsonPropertyName("eventId")] string? EventId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("lastModified")] DateTimeOffset? LastModified,
    [property: JsonPropertyName("seasonId")] string? SeasonId,
    [property: JsonPropertyName("week")] int? Week,
    [property: JsonPropertyName("gameType")] string? GameType,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("startTime")] string? StartTime,
    [property: JsonPropertyName("venue")] FeedVenue? Venue,
    [property: JsonPropertyName("results")] IReadOnlyList<FeedResult>? Results);

internal sealed record FeedVenue(
    [property: JsonPropertyName("venueId")] string? VenueId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("city")] string? City);

internal sealed record FeedResult(
    [property: JsonPropertyName("teamId")] string? TeamId,
    [property: JsonPropertyName("teamName")] string? TeamName,
    [property: JsonPropertyName("rounds")] IReadOnlyList<int>? Rounds,
    [property: JsonPropertyName("bonus")] int? Bonus,
    [property: JsonPropertyName("total")] int? Total,
    [property: JsonPropertyName("rank")] int? Rank);

/// <summary>A page as fetched: parsed, plus the exact text (archived with its hash).</summary>
internal sealed record FetchedPage(FeedPage Page, string Body);

/// <summary>
/// A trivia partner behind one interface: the v1 HTTP feed today; a second partner or format (or the manual upload)
/// is another adapter delivering the same events into the same pipeline.
/// </summary>
internal interface ITriviaPartnerFeed
{
    /// <summary>The adapter's name, stored with every night ("feed-v1").</summary>
    string Name { get; }

    Task<FetchedPage> FetchAsync(DateTimeOffset updatedSince, string? cursor, CancellationToken cancellationToken);
}

/// <summary>The partner refused or broke the protocol in a way a retry cannot fix; the run fails with this message.</summary>
internal sealed class PartnerFeedException(string message, Exception? inner = null) : Exception(message, inner);
