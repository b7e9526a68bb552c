using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// How UI components call modules. A Blazor circuit lives for minutes; each call gets a scope of its own so a
/// DbContext never outlives one operation, and the user's role and cities are read fresh for every call: a user
/// disabled mid-session can do nothing more.
/// </summary>
internal sealed class ModuleSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync(cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    /// <summary>A command that edits from the version the form was opened with: a save after someone else's is refused (412), never overwrites it.</summary>
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<EditPreconditions>().IfMatch = expectedVersion;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync(cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task<CityScope> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync(cancellationToken);
        return scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope;
    }

    private async Task<AsyncServiceScope> ScopeForUserAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated == true)
        {
            var resolved = await scope.ServiceProvider.GetRequiredService<ICityScopeResolver>().ResolveAsync(state.User, cancellationToken);
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = resolved ?? CityScope.None;
        }

        return scope;
    }
}
