using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Behaviors;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Host.Tests.Behaviors;

/// <summary>A command that lost a race on a row's version answers a conflict the user can act on, not a server error.</summary>
public sealed class ConcurrencyBehaviorTests
{
    [Test]
    public void Handle_CommandLosesARaceOnAVersion_ThrowsConflictSayingToReload()
    {
        var behavior = new ConcurrencyBehavior<SaveSomething, int>(new EditPreconditions());

        var conflict = Assert.ThrowsAsync<ConflictException>(async () =>
            await behavior.Handle(new SaveSomething(), (_, _) => throw new DbUpdateConcurrencyException("stale version"), CancellationToken.None));

        Assert.That(conflict!.Message, Does.Contain("Reload and try again"));
    }

    [Test]
    public async Task Handle_CommandSucceeds_ReturnsItsAnswer()
    {
        var behavior = new ConcurrencyBehavior<SaveSomething, int>(new EditPreconditions());

        var answer = await behavior.Handle(new SaveSomething(), (_, _) => ValueTask.FromResult(42), CancellationToken.None);

        Assert.That(answer, Is.EqualTo(42));
    }

    [Test]
    public void Handle_CallerGaveAVersionAndLosesTheRace_ThrowsPreconditionFailed()
    {
        var preconditions = new EditPreconditions();
        preconditions.Verify("Team", current: 6, bodyVersion: 6);
        var behavior = new ConcurrencyBehavior<SaveSomething, int>(preconditions);

        var stale = Assert.ThrowsAsync<PreconditionFailedException>(async () =>
            await behavior.Handle(new SaveSomething(), (_, _) => throw new DbUpdateConcurrencyException("stale version"), CancellationToken.None));

        Assert.That(stale!.Message, Does.Contain("changed by someone else since you opened it"));
    }

    [Test]
    public void Verify_StaleBodyVersion_ThrowsWithTheCurrentVersion()
    {
        var preconditions = new EditPreconditions { IfMatch = 9 };

        var stale = Assert.Throws<PreconditionFailedException>(() => preconditions.Verify("Team", current: 7, bodyVersion: 6));

        Assert.That(stale!.CurrentVersion, Is.EqualTo(7));
    }

    [Test]
    public void Verify_NoVersionGiven_LetsTheEditThrough()
    {
        Assert.DoesNotThrow(() => new EditPreconditions().Verify("Team", current: 7, bodyVersion: null));
    }

    public sealed record SaveSomething : ICommand<int>;
}
