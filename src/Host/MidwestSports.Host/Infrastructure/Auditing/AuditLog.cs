using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>
/// The audit log across modules: each module filters and pages its own log, the newest entries of all are merged, and
/// each id is named by the module that owns it. A city admin reads the entries of their cities; a viewer nothing (403).
/// </summary>
internal sealed class AuditLog(IEnumerable<IAuditReader> readers, IEnumerable<IAuditNames> names)
{
    public const int MaxLimit = 200;

    public IReadOnlyList<string> Modules { get; } = [.. readers.Select(r => r.Module).Order(StringComparer.Ordinal)];

    public async Task<AuditLinePage> ReadAsync(AuditQuery query, CityScope scope, CancellationToken cancellationToken)
    {
        if (!scope.CanWrite)
        {
            throw new ForbiddenException("The audit log is for admins.");
        }

        Validate(query);
        var entries = new List<AuditEntryDto>();
        long total = 0;
        foreach (var reader in readers.Where(r => query.Module is null || string.Equals(r.Module, query.Module, StringComparison.OrdinalIgnoreCase)))
        {
            var page = await reader.ReadAsync(query, scope, cancellationToken);
            entries.AddRange(page.Entries);
            total += page.Total ?? 0;
        }

        var newest = entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Limit).ToList();
        var named = await NamesAsync(newest, cancellationToken);
        var lines = newest.Select(e => AuditSentences.Line(e, named)).ToList();
        var next = newest.Count == query.Limit && entries.Count > 0 ? new AuditCursor(newest[^1].OccurredAt, newest[^1].Id) : null;
        return new AuditLinePage(lines, total, next);
    }

    private void Validate(AuditQuery query)
    {
        var failures = new List<ValidationFailure>();
        if (query.Limit is < 1 or > MaxLimit)
        {
            failures.Add(new ValidationFailure("limit", $"limit must be between 1 and {MaxLimit}."));
        }

        if (query.Module is { } module && !Modules.Contains(module, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add(new ValidationFailure("module", $"module must be one of {string.Join(", ", Modules)}."));
        }

        if (query.From is { } from && query.To is { } to && to <= from)
        {
            failures.Add(new ValidationFailure("to", "to must be later than from."));
        }

        if (query.Who is { Length: > 256 })
        {
            failures.Add(new ValidationFailure("who", "who must be at most 256 characters."));
        }

        if (query.BeforeId is not null && query.Before is null)
        {
            failures.Add(new ValidationFailure("beforeId", "beforeId goes with before (the time of the last entry of the previous page)."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>Every id a page mentions, grouped by the kind of entity, named by the module that owns that kind.</summary>
    private async Task<AuditNameBook> NamesAsync(IReadOnlyList<AuditEntryDto> entries, CancellationToken cancellationToken)
    {
        var namers = names.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var book = new AuditNameBook(namers.Keys);
        foreach (var entry in entries)
        {
            book.Mention(entry);
        }

        foreach (var (kind, ids) in book.Wanted)
        {
            book.Add(kind, await namers[kind].NamesAsync(ids, cancellationToken));
        }

        return book;
    }
}
