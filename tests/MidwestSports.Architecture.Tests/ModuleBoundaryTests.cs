using System.Reflection;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace MidwestSports.Architecture.Tests;

/// <summary>A module may use Shared and other modules' Contracts, nothing else of another module.</summary>
public sealed class ModuleBoundaryTests
{
    private static IEnumerable<string> Modules => Solution.ModuleNames;

    [TestCaseSource(nameof(Modules))]
    public void Module_References_OnlySharedAndContracts(string module)
    {
        var forbidden = ForbiddenReferences(Solution.Module(module), module);

        Assert.That(forbidden, Is.Empty, $"{module} references another module's implementation or the Host");
    }

    [TestCaseSource(nameof(Modules))]
    public void ModuleTypes_DependOn_NoOtherModuleImplementation(string module)
    {
        var mine = Types().That().ResideInAssembly(Solution.Module(module));
        var others = Solution.ModuleNames.Where(m => m != module).Select(Solution.Module).Append(Solution.Host).ToArray();
        var rule = mine.Should().NotDependOnAny(Types().That().ResideInAssembly(others[0], others[1..]));

        Assert.Multiple(() =>
        {
            Assert.That(mine.GetObjects(Solution.Architecture), Is.Not.Empty, "the rule must match types, or it proves nothing");
            Assert.That(rule.HasNoViolations(Solution.Architecture), Is.True, rule.Description);
        });
    }

    [TestCaseSource(nameof(Modules))]
    public void Contracts_DependOn_NoEntityFrameworkOrModuleImplementation(string module)
    {
        var contracts = Types().That().ResideInAssembly(Solution.Contracts(module));
        var rule = contracts.Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Microsoft\.EntityFrameworkCore(\..*)?$"))
            .AndShould().NotDependOnAny(Types().That().ResideInAssembly(Solution.Shared, [.. Solution.AllModules]));

        Assert.Multiple(() =>
        {
            Assert.That(ForbiddenReferences(Solution.Contracts(module), module).Concat(
                Solution.Contracts(module).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))), Is.Empty);
            // A Contracts project with no types yet (its module publishes nothing so far) has nothing to check.
            if (contracts.GetObjects(Solution.Architecture).Any())
            {
                Assert.That(rule.HasNoViolations(Solution.Architecture), Is.True, rule.Description);
            }
        });
    }

    [Test]
    public void ContractsRule_MatchesTypes_InAtLeastOneModule()
    {
        var withTypes = Solution.AllContracts.Where(a => a.GetExportedTypes().Length > 0);

        Assert.That(withTypes, Is.Not.Empty, "the Contracts rule must match types somewhere, or it proves nothing");
    }

    [Test]
    public void ContractsRule_ModuleImplementation_IsCaught()
    {
        // Leagues' implementation depends on EF Core: the Contracts rule applied to it must fail.
        var implementation = Types().That().ResideInAssembly(Solution.Module("Leagues"));
        var rule = implementation.Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Microsoft\.EntityFrameworkCore(\..*)?$"));

        Assert.That(rule.HasNoViolations(Solution.Architecture), Is.False);
    }

    [Test]
    public void ReferenceRule_HostAssembly_IsCaught()
    {
        // The Host references every module: the same rule applied to it must report them, or the rule is blind.
        var forbidden = ForbiddenReferences(Solution.Host, "Host");

        Assert.That(forbidden, Is.SupersetOf(Solution.ModuleNames.Select(m => $"MidwestSports.{m}")));
    }

    [Test]
    public void DependencyRule_TeamsAgainstItself_IsCaught()
    {
        // Teams' handlers depend on Teams' DbContext: forbidding Teams to depend on Teams must fail.
        var teams = Types().That().ResideInAssembly(Solution.Module("Teams"));
        var rule = teams.Should().NotDependOnAny(Types().That().ResideInAssembly(Solution.Module("Teams")));

        Assert.That(rule.HasNoViolations(Solution.Architecture), Is.False);
    }

    /// <summary>MidwestSports assemblies that <paramref name="assembly"/> references but may not: another module, or the Host.</summary>
    internal static IEnumerable<string> ForbiddenReferences(Assembly assembly, string module) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("MidwestSports.", StringComparison.Ordinal))
            .Where(n => n != "MidwestSports.Shared" && n != "MidwestSports.Shared.Contracts")
            .Where(n => !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .Where(n => n != $"MidwestSports.{module}");
}
