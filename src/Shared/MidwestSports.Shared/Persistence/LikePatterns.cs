namespace MidwestSports.Shared.Persistence;

/// <summary>
/// Text an admin searches for is matched literally: "100%" finds "Meta 100% N", and "_" is an underscore. Patterns
/// escape LIKE's wildcards with <see cref="Escape"/>, and every LIKE/ILIKE passes that escape character explicitly
/// (<c>EF.Functions.ILike(column, pattern, LikePatterns.Escape)</c>): Npgsql's two-argument ILike sends ESCAPE ''.
/// </summary>
public static class LikePatterns
{
    public const string Escape = "\\";

    /// <summary>A pattern matching values that contain <paramref name="text"/> (trimmed).</summary>
    public static string Contains(string text) => "%" + Literal(text.Trim()) + "%";

    /// <summary>The text with LIKE's wildcards and the escape character itself escaped.</summary>
    public static string Literal(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}
