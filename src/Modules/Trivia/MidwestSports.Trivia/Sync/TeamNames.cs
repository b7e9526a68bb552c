using System.Globalization;
using System.Text;

namespace MidwestSports.Trivia.Sync;

/// <summary>
/// Names as matching compares them: "The Quizzly Bears!" and "quizzly  bears" are one name. Accents are folded,
/// case, punctuation and a leading "the" ignored, spaces collapsed. Two names match automatically only when these are equal.
/// </summary>
internal static class TeamNames
{
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '&' ? '&' : ' ');
        }

        var words = folded.ToString().Replace("&", " and ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Length > 1 && words[0] == "the" ? words[1..] : words);
    }
}
