using System.Globalization;
using System.Text;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// A header or a name as it is compared: accents, case, spacing and punctuation removed, so "Captain E-mail",
/// "captain_email" and "CAPTAIN EMAIL " are one header, and "Joe's Pub", "Joes Pub" and "JOE'S PUB " one sponsor. A
/// name with no letter or digit is its own key (lowercased), so "🏀" and "⚽" stay two names.
/// </summary>
internal static class NaturalKeys
{
    public static string Of(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        // Plain ASCII has nothing to decompose: the common case skips Normalize's copy. An import computes a key for
        // every row's names and every existing team's, so this runs a few hundred thousand times per large file.
        var text = Ascii.IsValid(header) ? header : header.Normalize(NormalizationForm.FormD);
        var key = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key[length++] = char.ToLowerInvariant(c);
            }
        }

        // A name of only symbols ("🏀", "!!!") keeps them, lowercased: an empty key would match every such name.
        return length > 0 ? new string(key[..length]) : header.Trim().ToLowerInvariant();
    }
}
