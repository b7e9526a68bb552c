using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Shared.Persistence;

public static class InboxExtensions
{
    /// <summary>
    /// Applies <paramref name="effect"/> once per (event, handler): the inbox row and the effect commit in one
    /// transaction, so a repeated delivery finds the row and does nothing. A concurrent duplicate waits on the
    /// inbox key and then skips.
    /// </summary>
    /// <returns>true when the effect ran; false for a repeat.</returns>
    public static async Task<bool> HandleOnceAsync<TContext>(
        this TContext db,
        IIntegrationEvent integrationEvent,
        string handler,
        DateTimeOffset now,
        Func<CancellationToken, Task> effect,
        CancellationToken cancellationToken)
        where TContext : DbContext, IModuleDbContext
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // the schema is a constant of the module, never user input
        var inserted = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{db.Schema}\".inbox_messages (message_id, handler, processed_at) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT DO NOTHING",
            [integrationEvent.EventId, handler, now],
            cancellationToken);
#pragma warning restore EF1002
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await effect(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
