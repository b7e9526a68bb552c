using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Teams.Persistence;

internal sealed class TeamsDbContext(DbContextOptions<TeamsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "teams";

    public override string Schema => SchemaName;

    public DbSet<Listing.CityName> CityNames => Set<Listing.CityName>();

    public DbSet<Domain.DeletedTeam> DeletedTeams => Set<Domain.DeletedTeam>();

    public DbSet<Listing.LeagueName> LeagueNames => Set<Listing.LeagueName>();

    public DbSet<Listing.SponsorName> SponsorNames => Set<Listing.SponsorName>();

    public DbSet<Domain.Player> Players => Set<Domain.Player>();

    public DbSet<Domain.Team> Teams => Set<Domain.Team>();

    public DbSet<Listing.TeamListingRow> TeamListing => Set<Listing.TeamListingRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TeamsDbContext).Assembly);
    }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class TeamsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TeamsDbContext>
{
    public TeamsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TeamsDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", TeamsDbContext.SchemaName)
            .Options);
}
