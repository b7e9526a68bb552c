using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Trivia.Domain;

/// <summary>
/// One trivia night as the partner reported it: the partner's event, where and when (local to the venue's city), and
/// the teams' results. A night that fails validation is kept but held (out of the standings) with its reasons.
/// </summary>
internal sealed class TriviaNight
{
    public Guid Id { get; set; }

    /// <summary>The partner adapter that delivered it ("feed-v1"); (Partner, EventId) is unique.</summary>
    public string Partner { get; set; } = string.Empty;

    public string EventId { get; set; } = string.Empty;

    public string Season { get; set; } = string.Empty;

    public int Week { get; set; }

    public string GameType { get; set; } = string.Empty;

    public TriviaNightStatus Status { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly StartTime { get; set; }

    public string PartnerVenueId { get; set; } = string.Empty;

    public string VenueName { get; set; } = string.Empty;

    public string CityName { get; set; } = string.Empty;

    /// <summary>The Midwest venue (and so city) the partner's venue is linked to; null while it waits for review.</summary>
    public Guid? VenueId { get; set; }

    public Guid? CityId { get; set; }

    /// <summary>Failed validation (zero teams, totals that do not add up…): stored for review, left out of standings.</summary>
    public bool Held { get; set; }

    /// <summary>Reasons it is held, and warnings such as a partner rank that contradicts the totals.</summary>
    public List<string> Flags { get; set; } = [];

    /// <summary>SHA-256 of the event as received: an unchanged event touches nothing.</summary>
    public string PayloadHash { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public List<TriviaResult> Results { get; set; } = [];
}

/// <summary>One team's result on a night, keyed by the partner's team id (stable within a partner season only).</summary>
internal sealed class TriviaResult
{
    public Guid Id { get; set; }

    public Guid NightId { get; set; }

    public string PartnerTeamId { get; set; } = string.Empty;

    public string TeamName { get; set; } = string.Empty;

    public int[] Rounds { get; set; } = [];

    public int Bonus { get; set; }

    public int Total { get; set; }

    public int? Rank { get; set; }

    /// <summary>The Midwest team, once the partner team (for the night's season) is linked; until then the result waits.</summary>
    public Guid? TeamId { get; set; }

    public bool SameAs(TriviaResult other) =>
        TeamName == other.TeamName && Rounds.SequenceEqual(other.Rounds) && Bonus == other.Bonus && Total == other.Total && Rank == other.Rank;
}
