using Mediator;

namespace MidwestSports.Shared.Contracts;

/// <summary>
/// A fact one module publishes for others, through its outbox. <see cref="EventId"/> is the inbox key:
/// delivery is at least once, so a handler uses it to apply the event exactly once in effect.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }
}
