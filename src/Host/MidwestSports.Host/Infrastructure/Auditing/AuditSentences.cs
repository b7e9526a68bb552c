using System.Text;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>
/// Turns an entry into what a person reads: "Ann Admin changed sponsor name from Ale House → Ale House Tap",
/// "Ann Admin signed in", "failed sign-in for x@example.org". Ids become names; an id nobody can name (a deleted
/// entity) is said as such, never printed.
/// </summary>
internal static class AuditSentences
{
    /// <summary>Bookkeeping that changes with every save and tells a reader nothing.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "Version", "RowVersion", "UpdatedAt", "ModifiedAt" };

    public static AuditLine Line(AuditEntryDto entry, AuditNameBook names)
    {
        var fields = entry.Fields.Select(f => Named(f, names)).ToList();
        var who = Who(entry, names);
        var what = What(entry, fields, names);
        var summary = Summary(entry, who, what, fields, names);
        if (!string.IsNullOrWhiteSpace(entry.Reason))
        {
            summary += $" (reason: {entry.Reason})";
        }

        return new AuditLine(
            entry.Id, entry.Module, entry.OccurredAt, entry.UserId, entry.Actor, entry.EntityType, entry.EntityId, entry.CityId,
            entry.Action, entry.Changes, entry.Reason, who, what, names.Name(AuditNameBook.City, entry.CityId), summary, fields);
    }

    public static string Who(AuditEntryDto entry, AuditNameBook names) =>
        names.Name(AuditNameBook.User, entry.UserId) is { Length: > 0 } name ? name
        : entry.Actor == "anonymous" ? "someone not signed in"
        : entry.Actor.StartsWith("job:", StringComparison.Ordinal) ? $"the system ({entry.Actor[4..]})"
        : entry.Actor;

    /// <summary>"League", "LeagueSlot" → "league", "league slot"; "ContactName" → "contact name"; "SponsorId" → "sponsor".</summary>
    public static string Words(string pascal)
    {
        var name = pascal.Length > 2 && pascal.EndsWith("Id", StringComparison.Ordinal) ? pascal[..^2] : pascal;
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }

    private static AuditChange Named(AuditChange change, AuditNameBook names)
    {
        if (change.Field == "Id")
        {
            return change;
        }

        if (names.KindOf(change.Field) is not { } kind)
        {
            // An id of a kind no module names (a change-log row's entity) is said as what it is, never printed.
            return change with { From = Unnamed(change.Field, change.From), To = Unnamed(change.Field, change.To) };
        }

        return change with { From = Reference(kind, change.From, names), To = Reference(kind, change.To, names) };
    }

    private static string? Unnamed(string field, string? value) => Guid.TryParse(value, out _) ? $"an unnamed {Words(field)}" : value;

    private static string? Reference(string kind, string? id, AuditNameBook names) =>
        id is null ? null : names.Name(kind, id) ?? (Guid.TryParse(id, out _) ? $"a removed {Words(kind)}" : id);

    private static string What(AuditEntryDto entry, IReadOnlyList<AuditChange> fields, AuditNameBook names)
    {
        if (entry.EntityType == SignInAudit.EntityType)
        {
            return "sign-in";
        }

        var recorded = fields.FirstOrDefault(f => f.Field is "Name" or "DisplayName");
        var name = names.Name(entry.EntityType, entry.EntityId) ?? recorded?.To ?? recorded?.From;
        return name is null ? Words(entry.EntityType) : $"{Words(entry.EntityType)} {name}";
    }

    private static string Summary(AuditEntryDto entry, string who, string what, IReadOnlyList<AuditChange> fields, AuditNameBook names)
    {
        var visible = fields.Where(f => !Bookkeeping.Contains(f.Field)).ToList();
        var unnamed = what == Words(entry.EntityType);
        return entry.Action switch
        {
            SignInAudit.Succeeded => $"{who} signed in",
            SignInAudit.Failed => $"failed sign-in for {entry.Actor}",
            "Created" => $"{who} created {what}{Links(unnamed, visible, names)}",
            "Deleted" => $"{who} deleted {what}{Links(unnamed, visible, names)}",
            _ => Updated(who, entry.EntityType, what, visible),
        };
    }

    /// <summary>For an entity without a name of its own (a sponsor's city): what it links, "(sponsor Ale House, city Madison)".</summary>
    private static string Links(bool unnamed, IReadOnlyList<AuditChange> fields, AuditNameBook names)
    {
        if (!unnamed)
        {
            return string.Empty;
        }

        var links = fields.Where(f => names.KindOf(f.Field) is not null && (f.To ?? f.From) is not null)
            .Select(f => $"{Words(f.Field)} {f.To ?? f.From}")
            .ToList();
        return links.Count == 0 ? string.Empty : $" ({string.Join(", ", links)})";
    }

    private static string Updated(string who, string entityType, string what, IReadOnlyList<AuditChange> fields)
    {
        if (fields.Count == 0)
        {
            return $"{who} changed {what}";
        }

        // A rename names the entity by both names: "changed sponsor name from Ale House → Ale House Tap".
        var rename = fields.FirstOrDefault(f => f.Field == "Name");
        var rest = string.Join("; ", fields.Where(f => f != rename).Select(Change));
        return rename is not null
            ? $"{who} changed {Words(entityType)} {Change(rename)}{(rest.Length > 0 ? "; " + rest : string.Empty)}"
            : $"{who} changed {what}: {rest}";
    }

    private static string Change(AuditChange change) =>
        change.Secret ? $"{Words(change.Field)} (changed; not recorded)" : $"{Words(change.Field)} from {change.From ?? "(none)"} → {change.To ?? "(none)"}";
}
