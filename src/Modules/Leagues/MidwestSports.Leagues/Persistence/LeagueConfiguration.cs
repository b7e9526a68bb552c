using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Leagues.Domain;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

internal sealed class LeagueConfiguration : IEntityTypeConfiguration<League>
{
    public void Configure(EntityTypeBuilder<League> builder)
    {
        builder.ToTable("leagues");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(120);
        builder.Property(l => l.Sport).HasMaxLength(40);
        builder.Property(l => l.Level).HasMaxLength(60);
        builder.Property(l => l.Term).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Night).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Property(l => l.TieBreakers).HasMaxLength(40);
        builder.HasOne<City>().WithMany().HasForeignKey(l => l.CityId).OnDelete(DeleteBehavior.Restrict);
        // City first: a city-scoped admin's list is an index range.
        builder.HasIndex(l => new { l.CityId, l.Name });
        // Unique ignoring case, in the database: two admins saving "Meta 100% N" and "META 100% N" cannot both win.
        builder.Property<string>(NameKeys.Column).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex(nameof(League.CityId), nameof(League.SeasonYear), nameof(League.Term), NameKeys.Column).IsUnique()
            .HasDatabaseName(UniqueKeys.IndexName("leagues", "name"));
    }
}
