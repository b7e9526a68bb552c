using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MidwestSports.Shared.Auditing;

/// <summary>
/// Reads the changes JSON of an entry with the module's own model: a number stored for an enum property is shown as
/// the enum's name ("Status": 3 → "Archived"), also in entries written before the log stored names.
/// </summary>
internal static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Read(IModel model, string entityType, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var entity = model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType);
            var changes = new List<AuditChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (property.Value.TryGetProperty("changed", out _))
                {
                    changes.Add(new AuditChange(property.Name, null, null, Secret: true));
                    continue;
                }

                var type = entity?.FindProperty(property.Name)?.ClrType;
                changes.Add(new AuditChange(
                    property.Name,
                    property.Value.TryGetProperty("old", out var old) ? Text(old, type) : null,
                    property.Value.TryGetProperty("new", out var @new) ? Text(@new, type) : null));
            }

            return changes;
        }
    }

    private static string? Text(JsonElement value, Type? type)
    {
        var enumType = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.Number when enumType is { IsEnum: true } && value.TryGetInt64(out var number) =>
                Enum.GetName(enumType, Enum.ToObject(enumType, number)) ?? number.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Text(v, enumType?.IsEnum == true ? enumType : null))),
            _ => value.GetRawText(),
        };
    }
}
