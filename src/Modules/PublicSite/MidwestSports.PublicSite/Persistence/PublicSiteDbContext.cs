using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.PublicSite.Persistence;

internal sealed class PublicSiteDbContext(DbContextOptions<PublicSiteDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "public_site";

    public override string Schema => SchemaName;

    public DbSet<ChangeLogEntry> Changes => Set<ChangeLogEntry>();

    public DbSet<FeedState> FeedState => Set<FeedState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ChangeLogEntry>(b =>
        {
            b.ToTable("changes");
            b.HasKey(c => c.Seq);
            b.Property(c => c.Seq).UseIdentityAlwaysColumn();
            b.Property(c => c.Kind).HasMaxLength(40);
            b.Property(c => c.Change).HasMaxLength(20);
            // The writing transaction's id: a reader hands out only rows older than every transaction still running,
            // so a row committed late with a lower number is never skipped by a token already given out.
            b.Property<ulong>("Tx").HasColumnName("tx").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
            b.HasIndex(c => c.At);
        });
        modelBuilder.Entity<FeedState>(b =>
        {
            b.ToTable("feed_state");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).ValueGeneratedNever();
        });
    }
}

/// <summary>One row of the public change feed (<c>/public/v1/changes</c>).</summary>
internal sealed class ChangeLogEntry : INotAudited
{
    public long Seq { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid EntityId { get; set; }

    public Guid? LeagueId { get; set; }

    public string Change { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}

/// <summary>The feed's one bookkeeping row: the last position retention removed (tokens before it are too old).</summary>
internal sealed class FeedState : INotAudited
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long PrunedThrough { get; set; }
}

/// <summary>For `dotnet ef migrations add` only; the running app builds its context from the shared data source.</summary>
internal sealed class PublicSiteDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PublicSiteDbContext>
{
    public PublicSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PublicSiteDbContext>()
            .UseModulePostgres("Host=localhost;Database=design_time", PublicSiteDbContext.SchemaName)
            .Options);
}
