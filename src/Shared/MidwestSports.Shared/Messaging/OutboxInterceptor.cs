using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Messaging;

/// <summary>
/// Hands a context's new outbox rows to the dispatcher once they are committed: after SaveChanges when
/// it ran in its own transaction, after the explicit transaction's commit otherwise. A rollback drops them.
/// </summary>
internal sealed class OutboxInterceptor(OutboxDispatcher dispatcher) : SaveChangesInterceptor, IDbTransactionInterceptor
{
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

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IModuleDbContext db && db.Database.CurrentTransaction is null)
        {
            await DispatchAsync(db, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is IModuleDbContext db && db.Database.CurrentTransaction is null)
        {
            db.PendingOutbox.Clear();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IModuleDbContext db)
        {
            await DispatchAsync(db, cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is IModuleDbContext db)
        {
            db.PendingOutbox.Clear();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not IModuleDbContext db)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Added)
            {
                db.PendingOutbox.Add(entry.Entity.Id);
            }
        }
    }

    private async Task DispatchAsync(IModuleDbContext db, CancellationToken cancellationToken)
    {
        if (db.PendingOutbox.Count == 0)
        {
            return;
        }

        await dispatcher.DispatchAsync(db.GetType(), db.PendingOutbox.Drain(), cancellationToken);
    }
}
