using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MidwestSports.Identity.Domain;

/// <summary>
/// Evicts from <see cref="UserScopeCache"/> every user whose row or city grants a save changes. Every write path of
/// the module goes through the Identity database (the user handlers, UserManager's stamp, password, lockout and
/// deletion, sign-in), so no path can forget it. Evicted when the save starts and again once it is committed (after
/// SaveChanges, or after the explicit transaction's commit), so no request in between can keep the old values; the
/// second eviction is also sent to the other hosts (<see cref="UserScopeBroadcast"/>).
/// </summary>
internal sealed class UserScopeInvalidation(UserScopeCache cache, UserScopeBroadcast broadcast) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                User user => user.Id,
                UserCity grant => grant.UserId,
                _ => Guid.Empty,
            })
            .Where(id => id != Guid.Empty)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        cache.Evict(changed);
        lock (pending)
        {
            pending.GetOrCreateValue(context).UnionWith(changed);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Guid[] ids;
        lock (pending)
        {
            if (!pending.TryGetValue(context, out var set) || set.Count == 0)
            {
                return;
            }

            ids = [.. set];
            set.Clear();
        }

        cache.Evict(ids);
        broadcast.Publish(ids);
    }
}
