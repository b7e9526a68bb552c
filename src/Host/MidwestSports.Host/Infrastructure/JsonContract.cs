using System.Text.Json.Serialization.Metadata;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// How request bodies bind. An enum or an id that a body's record requires (a constructor parameter without a
/// default) must be present: a missing <c>status</c> or <c>role</c> is a 400 naming it, never the enum's first value
/// (which turned leagues back into Draft and users into viewers). So must a date or a time of day (a missing
/// <c>start</c> is not midnight). Optional ones keep their defaults.
/// </summary>
internal static class JsonContract
{
    private static bool RequiredWhenMissing(Type type) =>
        type.IsEnum || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime);

    public static void RequireEnumsAndIds(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("MidwestSports.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false } && RequiredWhenMissing(property.PropertyType))
            {
                property.IsRequired = true;
            }
        }
    }
}
