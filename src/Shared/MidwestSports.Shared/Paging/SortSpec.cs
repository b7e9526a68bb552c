using FluentValidation;

namespace MidwestSports.Shared.Paging;

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

    /// <summary>Deep enough for any list (2,000,000 rows at the largest page size); beyond it offsets would overflow.</summary>
    public const int MaxPage = 10_000;

    /// <summary>1 ≤ page ≤ 10,000, 1 ≤ pageSize ≤ 200, and sort one of <paramref name="sortKeys"/> (optionally with a leading '-').</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize, Func<T, string?> sort, IReadOnlyCollection<string> sortKeys)
    {
        validator.RuleFor(x => page(x)).InclusiveBetween(1, MaxPage)
            .WithMessage($"page must be between 1 and {MaxPage}; use a filter or the cursor to reach further.").OverridePropertyName("page");
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, MaxPageSize)
            .WithMessage($"pageSize must be between 1 and {MaxPageSize}.").OverridePropertyName("pageSize");
        validator.RuleFor(x => sort(x))
            .Must(s => s is null || sortKeys.Contains(SortSpec.Parse(s, string.Empty).Key))
            .WithMessage($"sort must be one of: {string.Join(", ", sortKeys)} (prefix '-' for descending).")
            .OverridePropertyName("sort");
    }
}
