using Mediator;
using MidwestSports.Shared.Access;

namespace MidwestSports.Shared.Behaviors;

/// <summary>Every command is a write: a read-only scope is refused (403) before any handler runs.</summary>
public sealed class WriteAccessBehavior<TMessage, TResponse>(CurrentScope current) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        current.Scope.EnsureCanWrite();
        return next(message, cancellationToken);
    }
}
