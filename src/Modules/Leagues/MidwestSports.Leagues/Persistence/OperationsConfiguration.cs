using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Leagues.Domain;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.ToTable("venues");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(120);
        builder.Property(v => v.Address).HasMaxLength(200);
        builder.Property(v => v.Fields).HasColumnType("text[]");
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<City>().WithMany().HasForeignKey(v => v.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property<string>(NameKeys.Column).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex(nameof(Venue.CityId), NameKeys.Column).IsUnique().HasDatabaseName(UniqueKeys.IndexName("venues", "name"));
    }
}

internal sealed class LeagueSlotConfiguration : IEntityTypeConfiguration<LeagueSlot>
{
    public void Configure(EntityTypeBuilder<LeagueSlot> builder)
    {
        builder.ToTable("league_slots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Field).HasMaxLength(60);
        builder.HasOne<League>().WithMany().HasForeignKey(s => s.LeagueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Venue>().WithMany().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.LeagueId, s.VenueId, s.Field, s.Start }).IsUnique();
        builder.HasIndex(s => s.VenueId);
    }
}

internal sealed class BlackoutConfiguration : IEntityTypeConfiguration<Blackout>
{
    public void Configure(EntityTypeBuilder<Blackout> builder)
    {
        builder.ToTable("blackouts");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Reason).HasMaxLength(120);
        builder.HasOne<League>().WithMany().HasForeignKey(b => b.LeagueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.LeagueId, b.Date, b.TeamId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class LeagueTeamConfiguration : IEntityTypeConfiguration<LeagueTeam>
{
    public void Configure(EntityTypeBuilder<LeagueTeam> builder)
    {
        builder.ToTable("league_teams");
        builder.HasKey(t => t.TeamId);
        builder.Property(t => t.TeamId).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => new { t.LeagueId, t.TeamId });
    }
}

internal sealed class CoinFlipConfiguration : IEntityTypeConfiguration<CoinFlip>
{
    public void Configure(EntityTypeBuilder<CoinFlip> builder)
    {
        builder.ToTable("coin_flips");
        builder.HasKey(c => new { c.LeagueId, c.TeamId });
    }
}

internal sealed class GameConfiguration : IEntityTypeConfiguration<Game>
{
    public void Configure(EntityTypeBuilder<Game> builder)
    {
        builder.ToTable("games");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(g => g.Field).HasMaxLength(60);
        builder.Property(g => g.BracketCode).HasMaxLength(10);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.Winner);
        builder.Ignore(g => g.HasResult);
        builder.HasOne<League>().WithMany().HasForeignKey(g => g.LeagueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(g => g.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.LeagueId, g.Date, g.Start });
        // A venue's night: what a schedule of another league sharing the venue must avoid.
        builder.HasIndex(g => new { g.VenueId, g.Date });
        builder.HasIndex(g => new { g.LeagueId, g.BracketCode }).IsUnique().HasFilter("bracket_code IS NOT NULL");
    }
}

internal sealed class BracketConfiguration : IEntityTypeConfiguration<Bracket>
{
    public void Configure(EntityTypeBuilder<Bracket> builder)
    {
        builder.ToTable("brackets");
        builder.HasKey(b => b.LeagueId);
        builder.Property(b => b.Format).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<League>().WithMany().HasForeignKey(b => b.LeagueId).OnDelete(DeleteBehavior.Cascade);
    }
}
