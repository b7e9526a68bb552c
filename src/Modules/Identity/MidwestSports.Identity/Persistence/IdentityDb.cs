using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MidwestSports.Identity.Domain;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Messaging;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Identity.Persistence;

/// <summary>Identity's EF Core stores in schema "identity", with the outbox, inbox and audit every module has.</summary>
internal sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<User, Guid>(options), IModuleDbContext, IDataProtectionKeyContext
{
    public const string SchemaName = "identity";

    public string Schema => SchemaName;

    public DbSet<UserCity> UserCities => Set<UserCity>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    /// <summary>Cookie and token keys, shared by every Host instance so a session survives a restart or another node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public OutboxBuffer PendingOutbox { get; } = new();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ModuleModel.Configure(builder, SchemaName);
        builder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            b.HasMany(u => u.Cities).WithOne().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserCity>(b =>
        {
            b.ToTable("user_cities");
            b.HasKey(c => new { c.UserId, c.CityId });
        });
        builder.Entity<SignInFailure>(b =>
        {
            b.ToTable("sign_in_failures");
            b.HasKey(f => new { f.AccountKey, f.ClientKey });
            b.Property(f => f.AccountKey).HasMaxLength(64);
            b.Property(f => f.ClientKey).HasMaxLength(64);
            b.HasIndex(f => f.LastFailureAt);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}

internal sealed class IdentityDbDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>().UseModulePostgres("Host=localhost;Database=design_time", IdentityDb.SchemaName).Options);
}
