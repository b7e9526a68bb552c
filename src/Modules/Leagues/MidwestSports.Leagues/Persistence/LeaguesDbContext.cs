using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

internal sealed class LeaguesDbContext(DbContextOptions<LeaguesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "leagues";

    public override string Schema => SchemaName;

    public DbSet<Domain.City> Cities => Set<Domain.City>();

    public DbSet<Domain.League> Leagues => Set<Domain.League>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LeaguesDbContext).Assembly);
    }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class LeaguesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<LeaguesDbContext>
{
    public LeaguesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LeaguesDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", LeaguesDbContext.SchemaName)
            .Options);
}
