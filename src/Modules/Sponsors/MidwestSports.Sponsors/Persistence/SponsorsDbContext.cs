using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Sponsors.Persistence;

internal sealed class SponsorsDbContext(DbContextOptions<SponsorsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "sponsors";

    public override string Schema => SchemaName;

    public DbSet<Domain.Sponsor> Sponsors => Set<Domain.Sponsor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SponsorsDbContext).Assembly);
    }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class SponsorsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SponsorsDbContext>
{
    public SponsorsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SponsorsDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", SponsorsDbContext.SchemaName)
            .Options);
}
