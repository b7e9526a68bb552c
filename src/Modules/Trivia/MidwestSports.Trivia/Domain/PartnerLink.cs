using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Trivia.Domain;

internal enum LinkStatus
{
    Pending,
    Linked,
    Ignored,
}

/// <summary>
/// How a partner's team (per partner season: partners renumber every season) or venue maps to a Midwest team or
/// venue. Pending links form the review queue; their results wait in the nights until a decision applies them.
/// </summary>
internal sealed class PartnerLink
{
    public Guid Id { get; set; }

    public UnmatchedKind Kind { get; set; }

    public string Partner { get; set; } = string.Empty;

    /// <summary>The partner season for a team ("2026-fall"); empty for a venue, whose ids do not change by season.</summary>
    public string Season { get; set; } = string.Empty;

    public string PartnerId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string CityName { get; set; } = string.Empty;

    /// <summary>The city, once known (from the venue's link); a city admin sees only their cities' queue items.</summary>
    public Guid? CityId { get; set; }

    public LinkStatus Status { get; set; }

    /// <summary>The Midwest team or venue when linked.</summary>
    public Guid? TargetId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Links it to a Midwest team or venue, saying who decided (an admin, or "exact name").</summary>
    public void LinkTo(Guid targetId, DateTimeOffset now, string decidedBy)
    {
        Status = LinkStatus.Linked;
        TargetId = targetId;
        DecidedAt = now;
        DecidedBy = decidedBy;
    }
}
