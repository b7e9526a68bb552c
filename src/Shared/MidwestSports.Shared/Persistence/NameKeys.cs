namespace MidwestSports.Shared.Persistence;

/// <summary>
/// A name's key: the stored, generated <c>lower(name)</c> column that unique indexes and exact lookups use, so
/// "META 100% N" and "Meta 100% N" are one name (no LIKE, so % and _ are plain characters).
/// </summary>
public static class NameKeys
{
    /// <summary>The shadow property (column <c>name_key</c>) of an entity whose name is unique ignoring case.</summary>
    public const string Column = "NameKey";

    /// <summary>The key of a name as typed: trimmed and lower-cased as PostgreSQL's lower() does for these names.</summary>
    public static string Of(string name) => name.Trim().ToLowerInvariant();
}
