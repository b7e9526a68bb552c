using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Auditing;

/// <summary>
/// Names for the ids in audit entries, given by the module that owns the entity (a sponsor's by Sponsors, a league's by
/// Leagues), read from its own tables only. The audit log asks every module for the kinds it names.
/// </summary>
public interface IAuditNames
{
    /// <summary>The entity type named (its class name as the audit log records it: "Sponsor").</summary>
    string Kind { get; }

    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

public static class AuditNamesRegistration
{
    /// <summary>Lets the audit log show <typeparamref name="TEntity"/>'s <paramref name="name"/> instead of its id.</summary>
    public static IServiceCollection AddAuditNames<TContext, TEntity>(
        this IServiceCollection services, Expression<Func<TEntity, Guid>> id, Expression<Func<TEntity, string>> name)
        where TContext : DbContext, IModuleDbContext
        where TEntity : class =>
        services.AddScoped<IAuditNames>(sp => new AuditNames<TContext, TEntity>(sp.GetRequiredService<TContext>(), id, name));
}

internal sealed class AuditNames<TContext, TEntity>(TContext db, Expression<Func<TEntity, Guid>> id, Expression<Func<TEntity, string>> name)
    : IAuditNames
    where TContext : DbContext, IModuleDbContext
    where TEntity : class
{
    public string Kind => typeof(TEntity).Name;

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var entity = id.Parameters[0];
        var wanted = ids.ToArray();
        var holder = new { wanted };
        // ids.Contains(id(e)) and new Named(id(e), name(e)), over one parameter, so the database does both.
        var filter = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Property(Expression.Constant(holder), "wanted"), id.Body),
            entity);
        var nameBody = ReplacingExpressionVisitor.Replace(name.Parameters[0], entity, name.Body);
        var select = Expression.Lambda<Func<TEntity, Named>>(
            Expression.New(typeof(Named).GetConstructors()[0], id.Body, nameBody), entity);
        var rows = await db.Set<TEntity>().IgnoreQueryFilters().AsNoTracking().Where(filter).Select(select).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name);
    }

    private sealed record Named(Guid Id, string Name);
}
