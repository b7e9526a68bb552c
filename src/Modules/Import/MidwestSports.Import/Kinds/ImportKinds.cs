using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;

namespace MidwestSports.Import.Kinds;

/// <summary>The kinds this version can import, found among the <see cref="IImportKind"/> implementations of this assembly.</summary>
internal sealed class ImportKinds(IEnumerable<IImportKind> kinds)
{
    private readonly Dictionary<ImportKind, IImportKind> byKind = kinds.ToDictionary(k => k.Kind);

    public bool Supports(ImportKind kind) => byKind.ContainsKey(kind);

    public IImportKind Of(ImportKind kind) =>
        byKind.TryGetValue(kind, out var found) ? found : throw new InvalidOperationException($"No import kind {kind} is registered.");

    /// <summary>Registers every <see cref="IImportKind"/> of this assembly (scoped: they use the request's or job's scope).</summary>
    public static void Register(IServiceCollection services)
    {
        foreach (var type in typeof(ImportKinds).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IImportKind).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IImportKind), type);
        }

        services.AddScoped<ImportKinds>();
    }
}
