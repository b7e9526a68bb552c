using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Shared.Behaviors;

/// <summary>
/// A command that lost a race on a row's version (another admin saved the same entity first) is a conflict the user
/// can act on, not a server error: every module, for the API (409) and the UI (a message) alike.
/// </summary>
public sealed class ConcurrencyBehavior<TMessage, TResponse>(EditPreconditions preconditions) : IPipelineBehavior<TMessage, TResponse>
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
            // The caller said which version it edits from: losing the race to another save of that version is a 412 like any stale edit.
            if (preconditions is { Expected: { } expected, Entity: { } entity })
            {
                throw new PreconditionFailedException(entity, expected, current: null);
            }

            throw new ConflictException(Message);
        }
    }
}
