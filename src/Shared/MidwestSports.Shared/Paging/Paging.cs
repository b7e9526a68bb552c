namespace MidwestSports.Shared.Paging;

/// <summary>One page of a list. <see cref="TotalIsEstimate"/> is true when the count came from the planner, not COUNT(*).</summary>
public sealed record PagedResult<T>(
    IReadOnlyList<T> Items,
    int Page,
    int PageSize,
    long TotalCount,
    bool TotalIsEstimate = false,
    string? NextCursor = null);

/// <summary>A sort key and direction, parsed from "name" or "-name".</summary>
public sealed record SortSpec(string Key, bool Descending)
{
    public static SortSpec Parse(string? value, string defaultKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new SortSpec(defaultKey, false);
        }

        var descending = value.StartsWith('-');
        return new SortSpec(descending ? value[1..] : value, descending);
    }

    public override string ToString() => Descending ? "-" + Key : Key;
}

public static class PagingRules
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
}
