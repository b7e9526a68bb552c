using MidwestSports.Shared.Auditing;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>
/// One audit entry as a person reads it: who (a name), what (a name), and a sentence ("Ann Admin changed sponsor name
/// from Ale House → Ale House Tap"), with the recorded facts beside it for tools.
/// </summary>
public sealed record AuditLine(
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
    string? Reason,
    string Who,
    string What,
    string? City,
    string Summary,
    IReadOnlyList<AuditChange> Fields);

/// <summary>A page of lines, newest first; <see cref="Next"/> continues after the last one (null on the last page).</summary>
public sealed record AuditLinePage(IReadOnlyList<AuditLine> Items, long Total, AuditCursor? Next);

public sealed record AuditCursor(DateTimeOffset Before, Guid BeforeId);
