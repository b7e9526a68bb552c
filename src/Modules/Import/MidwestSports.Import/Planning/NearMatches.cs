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

    public static string DidYouMean(string? closest) => closest is null ? string.Empty : $" Did you mean {closest}?";
}
