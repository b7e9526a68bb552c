using Mediator;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// How UI components call modules. A Blazor circuit lives for minutes; each call gets a scope of its own so
/// a DbContext never outlives one operation.
/// </summary>
internal sealed class ModuleSender(IServiceScopeFactory scopes)
{
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }
}
