using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;

namespace MidwestSports.Import.Work;

/// <summary>
/// Reports how far a job is (rows done of total) on a connection of its own, so the admin's progress bar moves while
/// the job's own transaction is still open. Status changes made here are not audited: only a commit and an undo are.
/// </summary>
internal sealed class ImportProgress(IServiceScopeFactory scopes)
{
    public async Task ReportAsync(Guid importId, int done, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.Where(i => i.Id == importId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ProgressDone, done), ct);
    }

    /// <summary>Sets the status and message (and the progress to <paramref name="done"/> when given) without touching the rest.</summary>
    public async Task SetStatusAsync(Guid importId, ImportStatus status, string? message, CancellationToken ct, int? done = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportDbContext>().Imports.Where(i => i.Id == importId);
        if (done is { } d)
        {
            await imports.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status).SetProperty(i => i.Message, message).SetProperty(i => i.ProgressDone, d), ct);
        }
        else
        {
            await imports.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status).SetProperty(i => i.Message, message), ct);
        }
    }
}
