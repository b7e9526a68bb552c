using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Trivia.Persistence;

internal sealed class TriviaDbContext(DbContextOptions<TriviaDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "trivia";

    public override string Schema => SchemaName;

    public DbSet<Domain.TriviaNight> Nights => Set<Domain.TriviaNight>();

    public DbSet<Domain.TriviaResult> Results => Set<Domain.TriviaResult>();

    public DbSet<Domain.PartnerLink> Links => Set<Domain.PartnerLink>();

    public DbSet<Domain.SyncRun> Runs => Set<Domain.SyncRun>();

    public DbSet<Domain.RawPage> RawPages => Set<Domain.RawPage>();

    public DbSet<Domain.TriviaLeagueRules> Rules => Set<Domain.TriviaLeagueRules>();

    public DbSet<Domain.TriviaUpload> Uploads => Set<Domain.TriviaUpload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TriviaDbContext).Assembly);
    }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class TriviaDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TriviaDbContext>
{
    public TriviaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TriviaDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", TriviaDbContext.SchemaName)
            .Options);
}
