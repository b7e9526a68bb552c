namespace MidwestSports.Shared.Auditing;

/// <summary>
/// One write to one entity: who, when, what, and each changed value before and after. Kept in the module's own
/// schema, written in the same transaction as the change.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>The city the entity belongs to, for city-scoped reading; null for platform-wide entities (users).</summary>
    public Guid? CityId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>JSON object: property name to {"old": …, "new": …}.</summary>
    public string Changes { get; set; } = "{}";

    public string? Reason { get; set; }
}
