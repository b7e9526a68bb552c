using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Messaging;

namespace MidwestSports.Shared.Persistence;

/// <summary>The facts the home page shows about one module's schema.</summary>
public sealed record ModuleStatus(
    string Module,
    string Schema,
    IReadOnlyList<string> AppliedMigrations,
    IReadOnlyList<string> PendingMigrations,
    long OutboxBacklog,
    string? Error,
    DateTimeOffset? OldestUnpublishedAt = null)
{
    public bool IsMigrated => Error is null && PendingMigrations.Count == 0 && AppliedMigrations.Count > 0;
}

/// <summary>Migrates one module's schema and reports its state.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    string Schema { get; }

    Task MigrateAsync(CancellationToken cancellationToken);

    Task<ModuleStatus> StatusAsync(CancellationToken cancellationToken);
}

public sealed record ModuleRegistration<TContext>(string Module, string Schema)
    where TContext : DbContext, IModuleDbContext;

internal sealed class ModuleDatabase<TContext>(TContext db, ModuleRegistration<TContext> registration, IEnumerable<IOutboxProcessor> processors)
    : IModuleDatabase
    where TContext : DbContext, IModuleDbContext
{
    public string Module => registration.Module;

    public string Schema => registration.Schema;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // EF probes the history table before creating it and logs that probe's failure as an error on every
        // fresh database; creating it first (the same DDL EF would run) keeps startup logs free of false alarms.
#pragma warning disable EF1002 // the schema is the module's constant
        await db.Database.ExecuteSqlRawAsync(
            $"""
            CREATE SCHEMA IF NOT EXISTS "{Schema}";
            CREATE TABLE IF NOT EXISTS "{Schema}".__ef_migrations_history (
                migration_id character varying(150) NOT NULL PRIMARY KEY,
                product_version character varying(32) NOT NULL);
            """,
            cancellationToken);
#pragma warning restore EF1002
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task<ModuleStatus> StatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var backlog = pending.Count == 0
                ? await processors.Single(p => p.ContextType == typeof(TContext)).BacklogAsync(cancellationToken)
                : 0;
            var oldest = pending.Count == 0
                ? await db.OutboxMessages.Where(m => m.ProcessedAt == null).MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken)
                : null;
            return new ModuleStatus(Module, Schema, applied, pending, backlog, null, oldest);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModuleStatus(Module, Schema, [], [], 0, ex.Message);
        }
    }
}
