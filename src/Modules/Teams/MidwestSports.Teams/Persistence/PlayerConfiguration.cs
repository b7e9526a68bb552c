using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Domain;

namespace MidwestSports.Teams.Persistence;

internal sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    /// <summary>The stored, generated lower(email): one email per team ignoring case.</summary>
    public const string EmailKey = "EmailKey";

    public void Configure(EntityTypeBuilder<Player> builder)
    {
        builder.ToTable("players");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property<string?>(EmailKey).HasMaxLength(256).HasComputedColumnSql("lower(email)", stored: true);
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
        // Leads with team_id: it serves the roster's reads too. Players without an email are many; NULLs never collide in a unique index.
        builder.HasIndex(nameof(Player.TeamId), EmailKey).IsUnique().HasDatabaseName(UniqueKeys.IndexName("players", "email"));
        // At most one captain per team, whatever two admins save at the same moment.
        builder.HasIndex(p => p.TeamId, UniqueKeys.IndexName("players", "isCaptain")).IsUnique().HasFilter("is_captain").HasDatabaseName(UniqueKeys.IndexName("players", "isCaptain"));
    }
}
