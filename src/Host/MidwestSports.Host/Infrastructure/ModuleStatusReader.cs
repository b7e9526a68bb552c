using MidwestSports.Shared.Persistence;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Reads every module's status in a scope of its own (a Blazor circuit outlives any DbContext).</summary>
internal sealed class ModuleStatusReader(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<ModuleStatus>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var statuses = new List<ModuleStatus>();
        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            statuses.Add(await module.StatusAsync(cancellationToken));
        }

        return statuses;
    }

    public async Task<ModuleStatus> ReadAsync(string module, CancellationToken cancellationToken = default) =>
        (await ReadAllAsync(cancellationToken)).Single(s => s.Module == module);
}
