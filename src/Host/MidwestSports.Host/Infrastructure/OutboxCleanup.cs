using MidwestSports.Shared.Persistence;
using Npgsql;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Deletes outbox rows published more than a week ago. Unpublished rows are never touched, and inbox rows are
/// kept far longer than any retry could take (90 days), so a late redelivery still finds its record.
/// </summary>
internal sealed partial class OutboxCleanup(IEnumerable<IModuleDatabase> modules, NpgsqlDataSource dataSource, TimeProvider time, ILogger<OutboxCleanup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var module in modules)
        {
            await using var outbox = dataSource.CreateCommand(
                $"DELETE FROM \"{module.Schema}\".outbox_messages WHERE processed_at < $1");
            outbox.Parameters.AddWithValue(now.AddDays(-7));
            var deleted = await outbox.ExecuteNonQueryAsync(cancellationToken);

            await using var inbox = dataSource.CreateCommand(
                $"DELETE FROM \"{module.Schema}\".inbox_messages WHERE processed_at < $1");
            inbox.Parameters.AddWithValue(now.AddDays(-90));
            var inboxDeleted = await inbox.ExecuteNonQueryAsync(cancellationToken);
            LogCleaned(logger, module.Module, deleted, inboxDeleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Module} cleanup removed {Outbox} outbox and {Inbox} inbox rows")]
    private static partial void LogCleaned(ILogger logger, string module, int outbox, int inbox);
}
