using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Behaviors;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Host.Tests.Behaviors;

/// <summary>A command that lost a race on a row's version answers a conflict the user can act on, not a server error.</summary>
public sealed class ConcurrencyBehaviorTests
{
    [Test]
    public void Handle_CommandLosesARaceOnAVersion_ThrowsConflictSayingToReload()
    {
        var behavior = new ConcurrencyBehavior<SaveSomething, int>();

        var conflict = Assert.ThrowsAsync<ConflictException>(async () =>
            await behavior.Handle(new SaveSomething(), (_, _) => throw new DbUpdateConcurrencyException("stale version"), CancellationToken.None));

        Assert.That(conflict!.Message, Does.Contain("Reload and try again"));
    }

    [Test]
    public async Task Handle_CommandSucceeds_ReturnsItsAnswer()
    {
        var behavior = new ConcurrencyBehavior<SaveSomething, int>();

        var answer = await behavior.Handle(new SaveSomething(), (_, _) => ValueTask.FromResult(42), CancellationToken.None);

        Assert.That(answer, Is.EqualTo(42));
    }

    public sealed record SaveSomething : ICommand<int>;
}
