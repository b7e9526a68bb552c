using System.Globalization;

namespace MidwestSports.Shared.Concurrency;

/// <summary>A version as a strong entity tag: version 7 is <c>"7"</c>. Weak tags (<c>W/"7"</c>) are read the same.</summary>
public static class VersionTags
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads an If-Match value holding one tag; "*" or a list of several is not a version (false).</summary>
    public static bool TryParse(string? header, out long version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
