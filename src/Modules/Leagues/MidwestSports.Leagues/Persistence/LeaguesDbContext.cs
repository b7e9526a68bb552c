using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

internal sealed class LeaguesDbContext(DbContextOptions<LeaguesDbContext> options, TimeProvider time) : ModuleDbContext(options)
{
    public const string SchemaName = "leagues";

    public override string Schema => SchemaName;

    public DbSet<Domain.City> Cities => Set<Domain.City>();

    public DbSet<Domain.League> Leagues => Set<Domain.League>();

    public DbSet<Domain.Venue> Venues => Set<Domain.Venue>();

    public DbSet<Domain.LeagueSlot> Slots => Set<Domain.LeagueSlot>();

    public DbSet<Domain.Blackout> Blackouts => Set<Domain.Blackout>();

    public DbSet<Domain.LeagueTeam> Teams => Set<Domain.LeagueTeam>();

    public DbSet<Domain.Game> Games => Set<Domain.Game>();

    public DbSet<Domain.Bracket> Brackets => Set<Domain.Bracket>();

    public DbSet<Domain.CoinFlip> CoinFlips => Set<Domain.CoinFlip>();

    /// <summary>Every save stamps what it changes and tells the other modules (the public site's caches) about it: <see cref="ContentChanges"/>.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ContentChanges.Record(this, time.GetUtcNow());
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ContentChanges.Record(this, time.GetUtcNow());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

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
            .Options,
            TimeProvider.System);
}
