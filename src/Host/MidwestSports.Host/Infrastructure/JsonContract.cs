using System.Text.Json.Serialization.Metadata;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// How request bodies bind. An enum or an id that a body's record requires (a constructor parameter without a
/// default) must be present: a missing <c>status</c> or <c>role</c> is a 400 naming it, never the enum's first value
/// (which turned leagues back into Draft and users into viewers). Optional ones keep their defaults.
/// </summary>
internal static class JsonContract
{
    public static void RequireEnumsAndIds(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("MidwestSports.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false } && (property.PropertyType.IsEnum || property.PropertyType == typeof(Guid)))
            {
                property.IsRequired = true;
            }
        }
    }
}
