using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Shared.Behaviors;

/// <summary>
/// A command that lost a race on a row's version (another admin saved the same entity first) is a conflict the user
/// can act on, not a server error: every module, for the API (409) and the UI (a message) alike.
/// </summary>
public sealed class ConcurrencyBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICommand<TResponse>
{
    public const string Message = "Someone else changed this at the same time; nothing was saved. Reload and try again.";

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(Message);
        }
    }
}
