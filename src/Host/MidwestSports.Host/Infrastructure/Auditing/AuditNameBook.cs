using MidwestSports.Shared.Auditing;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>
/// The names a page of entries needs: the entity of each entry, the acting user, the city, and every changed value
/// that is another entity's id (a field named <c>…SponsorId</c> holds a sponsor's id, <c>HomeTeamId</c> a team's).
/// </summary>
internal sealed class AuditNameBook(IEnumerable<string> kinds)
{
    public const string User = "User";
    public const string City = "City";

    private readonly string[] kinds = [.. kinds.OrderByDescending(k => k.Length)];
    private readonly Dictionary<string, HashSet<Guid>> wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, Guid Id), string> names = [];

    public IEnumerable<(string Kind, IReadOnlyCollection<Guid> Ids)> Wanted =>
        wanted.Where(w => w.Value.Count > 0).Select(w => (w.Key, (IReadOnlyCollection<Guid>)w.Value));

    public void Mention(AuditEntryDto entry)
    {
        Want(entry.EntityType, entry.EntityId);
        Want(User, entry.UserId?.ToString());
        Want(City, entry.CityId?.ToString());
        foreach (var change in entry.Fields)
        {
            if (KindOf(change.Field) is { } kind)
            {
                Want(kind, change.From);
                Want(kind, change.To);
            }
        }
    }

    public void Add(string kind, IReadOnlyDictionary<Guid, string> found)
    {
        foreach (var (id, name) in found)
        {
            names[(kind, id)] = name;
        }
    }

    public string? Name(string kind, Guid? id) => id is { } key && names.TryGetValue((kind, key), out var name) ? name : null;

    public string? Name(string kind, string? id) => Guid.TryParse(id, out var key) ? Name(kind, key) : null;

    /// <summary>The kind of entity whose id a field holds, by the field's name; null when it holds no id.</summary>
    public string? KindOf(string field)
    {
        if (field.Length <= 2 || !field.EndsWith("Id", StringComparison.Ordinal))
        {
            return null;
        }

        var stem = field[..^2];
        return kinds.FirstOrDefault(k => stem.EndsWith(k, StringComparison.Ordinal));
    }

    private void Want(string kind, string? id)
    {
        if (kinds.Contains(kind, StringComparer.Ordinal) && Guid.TryParse(id, out var key))
        {
            if (!wanted.TryGetValue(kind, out var ids))
            {
                wanted[kind] = ids = [];
            }

            ids.Add(key);
        }
    }
}
