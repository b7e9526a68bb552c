using FuzzySharp;
using FuzzySharp.PreProcess;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Fields;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// Matches a file's headers to a kind's fields. A header that is a field's name, its template header or a known synonym
/// (after <see cref="NaturalKeys"/>) matches with confidence 1; otherwise the most similar of those spellings (FuzzySharp's
/// ratio, at least <see cref="MinimumSimilarity"/>) matches with the similarity as its confidence ("Captian Email").
/// Each field takes at most one column, the surest first; a second column for a taken field is listed as a duplicate.
/// </summary>
internal static class ColumnMatcher
{
    /// <summary>Below this a header is more likely another word than a misspelling.</summary>
    public const int MinimumSimilarity = 80;

    public static IReadOnlyList<ColumnMappingDto> Match(ImportKind kind, IReadOnlyList<string?> headers)
    {
        var fields = ImportFieldCatalog.Of(kind);
        var spellings = fields
            .SelectMany(f => new[] { f.Name, f.Header }.Select(n => (Key: NaturalKeys.Of(n), Field: f, Basis: MappingBasis.Name))
                .Concat(f.Synonyms.Select(s => (Key: NaturalKeys.Of(s), Field: f, Basis: MappingBasis.Synonym))))
            .ToList();
        var candidates = headers.Select((header, index) => Candidate(index, header ?? string.Empty, spellings)).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new ColumnMappingDto[headers.Count];
        foreach (var candidate in candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Index))
        {
            result[candidate.Index] = candidate.Field is null ? candidate
                : taken.Add(candidate.Field) ? candidate
                : candidate with { Field = null, Confidence = 0, Basis = MappingBasis.Duplicate };
        }

        return result;
    }

    /// <summary>
    /// The admin's choices over the matched columns: a chosen column feeds its field (or none), and a column the matcher
    /// gave that field loses it; columns not chosen keep their match. A field chosen twice, or unknown, is a 400.
    /// </summary>
    public static IReadOnlyList<ColumnMappingDto> Choose(ImportKind kind, IReadOnlyList<ColumnMappingDto> matched, IReadOnlyList<ColumnChoiceDto> choices)
    {
        var known = ImportFieldCatalog.Of(kind).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var (choice, i) in choices.Select((c, i) => (c, i)))
        {
            if (choice.Index < 0 || choice.Index >= matched.Count)
            {
                failures.Add(new($"columns[{i}].index", $"The file has columns 0 to {matched.Count - 1}."));
            }
            else if (choice.Field is not null && !known.Contains(choice.Field))
            {
                failures.Add(new($"columns[{i}].field", $"'{choice.Field}' is not a field of {kind}: one of {string.Join(", ", known)}."));
            }
        }

        foreach (var twice in choices.Where(c => c.Field is not null).GroupBy(c => c.Field).Where(g => g.Select(c => c.Index).Distinct().Count() > 1))
        {
            failures.Add(new("columns", $"{twice.Key} is chosen for more than one column."));
        }

        if (failures.Count > 0)
        {
            throw new FluentValidation.ValidationException(failures);
        }

        var chosen = choices.GroupBy(c => c.Index).ToDictionary(g => g.Key, g => g.Last().Field);
        var chosenFields = chosen.Values.Where(f => f is not null).ToHashSet(StringComparer.Ordinal);
        return [.. matched.Select(c => chosen.TryGetValue(c.Index, out var field)
            ? c with { Field = field, Confidence = field is null ? 0 : 1, Basis = MappingBasis.Chosen }
            : c.Field is not null && chosenFields.Contains(c.Field) ? c with { Field = null, Confidence = 0, Basis = MappingBasis.Duplicate } : c)];
    }

    /// <summary>How many distinct fields a row's cells would feed: how much a row looks like this kind's header.</summary>
    public static int Recognised(ImportKind kind, IReadOnlyList<string?> cells) =>
        Match(kind, cells).Count(c => c.Field is not null);

    /// <summary>Longer normalised headers are not compared for similarity: against a spelling of 30 characters their ratio is at most 64.</summary>
    private const int MaxSimilarLength = 64;

    private static ColumnMappingDto Candidate(int index, string header, List<(string Key, ImportField Field, MappingBasis Basis)> spellings)
    {
        var key = NaturalKeys.Of(header);
        if (key.Length == 0)
        {
            return new ColumnMappingDto(index, header, null, 0, MappingBasis.Ignored);
        }

        // A field's own name or header outranks a synonym another field shares ("Email" is players' email, not a captain's).
        var exact = spellings.Where(s => s.Key == key).OrderBy(s => s.Basis).FirstOrDefault();
        if (exact.Field is not null)
        {
            return new ColumnMappingDto(index, header, exact.Field.Name, 1, exact.Basis);
        }

        // A cell far longer than any spelling cannot be similar enough (and a 1 MB cell must not cost seconds of CPU).
        if (key.Length > MaxSimilarLength)
        {
            return new ColumnMappingDto(index, header, null, 0, MappingBasis.Ignored);
        }

        var best = spellings.Where(s => s.Key.Length >= 3)
            .Select(s => (s.Field, Score: Fuzz.Ratio(key, s.Key, PreprocessMode.None)))
            .OrderByDescending(s => s.Score)
            .FirstOrDefault();
        return best.Field is not null && best.Score >= MinimumSimilarity && key.Length >= 3
            ? new ColumnMappingDto(index, header, best.Field.Name, Math.Round(best.Score / 100.0, 2), MappingBasis.Similar)
            : new ColumnMappingDto(index, header, null, 0, MappingBasis.Ignored);
    }
}
