namespace MidwestSports.Shared.Auditing;

/// <summary>
/// A filtered page of the audit log, newest first. Every filter is applied by each module's database; a page continues
/// after the last entry of the previous one (<see cref="Before"/> and <see cref="BeforeId"/>), so deep pages cost what
/// the first one does.
/// </summary>
public sealed record AuditQuery(int Limit)
{
    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>Only this module's log (the Host skips the others' readers).</summary>
    public string? Module { get; init; }

    public Guid? CityId { get; init; }

    public Guid? UserId { get; init; }

    /// <summary>Who acted: part of the actor's email or job name, case-insensitive.</summary>
    public string? Who { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The page after an entry: entries older than it (with <see cref="BeforeId"/>, ties at the same instant by id).</summary>
    public DateTimeOffset? Before { get; init; }

    public Guid? BeforeId { get; init; }

    /// <summary>Also count every entry the filters match (one count per module).</summary>
    public bool WithTotal { get; init; }
}

/// <summary>One changed value, as text: an enum as its name, a secret as neither value (<see cref="Secret"/>).</summary>
public sealed record AuditChange(string Field, string? From, string? To, bool Secret = false);

public sealed record AuditEntryDto(
    Guid Id,
    string Module,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string Actor,
    string EntityType,
    string EntityId,
    Guid? CityId,
    string Action,
    string Changes,
    string? Reason)
{
    /// <summary>The changed values read from <see cref="Changes"/> with the module's own model (enum names).</summary>
    public IReadOnlyList<AuditChange> Fields { get; init; } = [];
}

/// <summary>One module's entries of a page, and how many the filters match in that module (when asked).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Entries, long? Total);
