using System.Text.Json;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Shared.Messaging;

/// <summary>Turns events into outbox rows and back. Only types that implement <see cref="IIntegrationEvent"/> are ever loaded.</summary>
public static class IntegrationEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static (string Type, string Payload) Serialize(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        var typeName = $"{type.FullName}, {type.Assembly.GetName().Name}";
        return (typeName, JsonSerializer.Serialize(integrationEvent, type, Options));
    }

    public static IIntegrationEvent Deserialize(string typeName, string payload)
    {
        var type = System.Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Unknown integration event type '{typeName}'.");
        if (!typeof(IIntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"'{typeName}' is not an integration event.");
        }

        return (IIntegrationEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"Empty payload for '{typeName}'."));
    }
}
