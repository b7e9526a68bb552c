namespace MidwestSports.Shared.Paging;

/// <summary>One page of a list, as every list API answers it.</summary>
public sealed record PagedResultDto<T>(
    IReadOnlyList<T> Items,
    int Page,
    int PageSize,
    long TotalCount,
    bool TotalIsEstimate = false,
    string? NextCursor = null);
