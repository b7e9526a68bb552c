using System.Globalization;
using System.Text;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// A header or a name as it is compared: accents, case, spacing and punctuation removed, so "Captain E-mail",
/// "captain_email" and "CAPTAIN EMAIL " are one header, and "Joe's Pub", "Joes Pub" and "JOE'S PUB " one sponsor.
/// </summary>
internal static class NaturalKeys
{
    public static string Of(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        var key = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
