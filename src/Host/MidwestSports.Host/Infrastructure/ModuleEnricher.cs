using Serilog.Core;
using Serilog.Events;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Puts a "Module" property on every log event: from the logger's namespace when no scope set it.</summary>
internal sealed class ModuleEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.ContainsKey("Module"))
        {
            return;
        }

        var module = "Host";
        if (logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source })
        {
            var parts = source.Split('.');
            module = parts.Length > 1 && parts[0] == "MidwestSports" ? parts[1] : "Host";
        }

        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Module", module));
    }
}
