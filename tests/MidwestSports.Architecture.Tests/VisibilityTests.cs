using System.Reflection;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace MidwestSports.Architecture.Tests;

/// <summary>Inside a module everything is internal but its one registration class.</summary>
public sealed class VisibilityTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>), typeof(INotificationHandler<>),
    ];

    private static IEnumerable<string> Modules => Solution.ModuleNames;

    [Test]
    public void Handlers_InEveryModule_AreInternal()
    {
        var handlers = Solution.AllModules.SelectMany(Handlers).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(handlers, Is.Not.Empty, "the rule must match types, or it proves nothing");
            Assert.That(handlers.Where(IsVisibleOutside).Select(t => t.FullName), Is.Empty);
        });
    }

    [Test]
    public void Validators_InEveryModule_AreInternal()
    {
        var validators = Solution.AllModules.SelectMany(a => a.GetTypes()).Where(IsValidator).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(validators, Is.Not.Empty, "the rule must match types, or it proves nothing");
            Assert.That(validators.Where(IsVisibleOutside).Select(t => t.FullName), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Modules))]
    public void DbContext_OfModule_IsInternal(string module)
    {
        var contexts = Solution.Module(module).GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(contexts, Has.Count.EqualTo(1), "one DbContext per module");
            Assert.That(contexts.Where(IsVisibleOutside).Select(t => t.FullName), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Modules))]
    public void PublicTypes_OfModule_AreOnlyItsModuleClass(string module)
    {
        var publicTypes = Solution.Module(module).GetExportedTypes().Select(t => t.FullName);

        Assert.That(publicTypes, Is.EqualTo(new[] { $"MidwestSports.{module}.{module}Module" }));
    }

    [Test]
    public void VisibilityRule_PublicHandlerInThisAssembly_IsCaught()
    {
        var handlers = Handlers(typeof(VisibilityTests).Assembly).Where(IsVisibleOutside);

        Assert.That(handlers, Is.EquivalentTo(new[] { typeof(DeliberatelyPublicHandler) }));
    }

    private static IEnumerable<Type> Handlers(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())));

    private static bool IsValidator(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisibleOutside(Type type) => type.IsPublic || type.IsNestedPublic;
}

/// <summary>Breaks the visibility rule on purpose, so the rule is shown to catch it.</summary>
public sealed record DeliberatelyPublicEvent : INotification;

public sealed class DeliberatelyPublicHandler : INotificationHandler<DeliberatelyPublicEvent>
{
    public ValueTask Handle(DeliberatelyPublicEvent notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
