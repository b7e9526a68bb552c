using System.Buffers.Text;
using System.Text.Json;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Where a keyset page ended: the sort it belongs to, the last row's sort value and id, and whether the walk has
/// reached the rows without a value (sponsorless teams, always last). Opaque to clients: base64url JSON.
/// </summary>
internal sealed record ListingCursor(string Sort, string? Value, Guid Id, bool InNulls)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    public static bool TryDecode(string text, out ListingCursor? cursor)
    {
        cursor = null;
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            cursor = JsonSerializer.Deserialize<ListingCursor>(bytes, Json);
            return cursor is { Sort.Length: > 0 } && cursor.Id != Guid.Empty;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}
