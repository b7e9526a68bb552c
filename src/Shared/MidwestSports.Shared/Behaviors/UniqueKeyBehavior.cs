using Mediator;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Behaviors;

/// <summary>
/// A write that collides with a unique index (two admins creating the same name at the same moment, or a name that
/// differs only in case) answers 409 naming the field, in the API and in the UI alike, whichever module wrote it.
/// </summary>
public sealed class UniqueKeyBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (UniqueKeys.TryTranslate(ex, out var conflict))
        {
            throw conflict;
        }
    }
}
