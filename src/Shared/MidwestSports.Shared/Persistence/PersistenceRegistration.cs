using FluentValidation;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Messaging;
using Npgsql;

namespace MidwestSports.Shared.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The one place that says how a module's context talks to PostgreSQL; design-time factories use it too.</summary>
    public static TBuilder UseModulePostgres<TBuilder>(this TBuilder builder, NpgsqlDataSource dataSource, string schema)
        where TBuilder : DbContextOptionsBuilder
    {
        builder
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            // A module with no entities of its own yet (Trivia) is not a mistake.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.NoEntityTypeConfigurationsWarning));
        return builder;
    }

    public static TBuilder UseModulePostgres<TBuilder>(this TBuilder builder, string connectionString, string schema)
        where TBuilder : DbContextOptionsBuilder
    {
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention();
        return builder;
    }

    /// <summary>Services every module relies on: time, the outbox dispatcher and relay. Called once by the Host.</summary>
    public static IServiceCollection AddSharedKernel(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        services.AddSingleton(dataSource);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddScoped<CurrentScope>();
        services.AddScoped<Concurrency.EditPreconditions>();
        // A rule stops at its first failure: a missing time zone is not then looked up (and thrown on) as a name.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        Validation.PlainMessages.Apply();
        services.AddHostedService<OutboxRelay>();
        services.AddClusterSignals();
        services.AddHttpContextAccessor();
        services.AddScoped<ReadRoute>();
        return services;
    }

    /// <summary>Registers a module's DbContext with its schema, its outbox processor and its migration/status reader.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, string schema)
        where TContext : DbContext, IModuleDbContext
    {
        services.AddSingleton(new ModuleRegistration<TContext>(module, schema));
        services.AddDbContext<TContext>((sp, options) => options
            // The primary, or the read replica for a listing, public or report read (ReadRoute says which).
            .UseModulePostgres(sp.GetRequiredService<ReadRoute>().DataSourceFor(schema), schema)
            .AddInterceptors(sp.GetRequiredService<OutboxInterceptor>(), new AuditInterceptor(sp.GetRequiredService<CurrentScope>(), sp.GetRequiredService<TimeProvider>())));
        services.AddScoped<IOutboxProcessor, OutboxProcessor<TContext>>();
        services.AddScoped<IModuleDatabase, ModuleDatabase<TContext>>();
        services.AddScoped<IAuditReader, AuditReader<TContext>>();
        // A validator without dependencies is built once: FluentValidation compiles an expression for every rule when a
        // validator is constructed, which took half of a team-listing request while validators were built per request.
        // Those that ask for a service (a city directory reading the database) stay per request.
        var assembly = typeof(TContext).Assembly;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, r => !NeedsServices(r.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, r => NeedsServices(r.ValidatorType), includeInternalTypes: true);
        return services;
    }

    private static bool NeedsServices(Type validator) => validator.GetConstructors().Any(c => c.GetParameters().Length > 0);
}
