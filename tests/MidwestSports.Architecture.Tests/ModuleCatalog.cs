using System.Reflection;
using ArchUnitNET.Loader;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace MidwestSports.Architecture.Tests;

/// <summary>
/// The assemblies under test, loaded once: every module, its Contracts, Shared and the Host, and EF Core so that
/// a dependency on EF types is visible to the rules (types outside the loaded assemblies match no namespace filter).
/// </summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["Identity", "Leagues", "Sponsors", "Teams", "Trivia", "PublicSite", "Import"];

    public static readonly Assembly Shared = typeof(MidwestSports.Shared.Modules.IModule).Assembly;

    public static readonly Assembly SharedContracts = typeof(MidwestSports.Shared.Contracts.IIntegrationEvent).Assembly;

    public static readonly Assembly Host = typeof(Program).Assembly;

    public static Assembly Module(string name) => Assembly.Load($"MidwestSports.{name}");

    public static Assembly Contracts(string name) => Assembly.Load($"MidwestSports.{name}.Contracts");

    public static IEnumerable<Assembly> AllModules => ModuleNames.Select(Module);

    public static IEnumerable<Assembly> AllContracts => ModuleNames.Select(Contracts);

    public static readonly ArchitectureModel Architecture = new ArchLoader()
        .LoadAssemblies([Shared, SharedContracts, Host, .. AllModules, .. AllContracts, typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly])
        .Build();
}
