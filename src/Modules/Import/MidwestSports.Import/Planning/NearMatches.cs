using FuzzySharp;
using FuzzySharp.PreProcess;
using MidwestSports.Import.Mapping;

namespace MidwestSports.Import.Planning;

/// <summary>
/// The closest existing name to one a row names but that matches nothing exactly ("Tuesday Kickbal"): offered in the
/// row's message for the admin to fix the file, never applied on its own.
/// </summary>
internal static class NearMatches
{
    public const int MinimumSimilarity = 80;

    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var key = NaturalKeys.Of(name);
        return candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Score: Fuzz.Ratio(key, NaturalKeys.Of(c), PreprocessMode.None)))
            .Where(c => c.Score >= MinimumSimilarity)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>The candidates at least <see cref="MinimumSimilarity"/> alike, closest first (at most <paramref name="take"/>), with their score from 0 to 1.</summary>
    public static IEnumerable<(Guid Id, string Name, double Score)> Ranked(string name, IEnumerable<(Guid Id, string Name)> candidates, int take = 3)
    {
        var key = NaturalKeys.Of(name);
        return candidates
            .Select(c => (c.Id, c.Name, Score: Fuzz.Ratio(key, NaturalKeys.Of(c.Name), PreprocessMode.None)))
            .Where(c => c.Score >= MinimumSimilarity)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(take)
            .Select(c => (c.Id, c.Name, Math.Round(c.Score / 100.0, 2)));
    }

    public static string DidYouMean(string? closest) => closest is null ? string.Empty : $" Did you mean {closest}?";
}
