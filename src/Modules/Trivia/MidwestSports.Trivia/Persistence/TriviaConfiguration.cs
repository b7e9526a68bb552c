using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Trivia.Domain;

namespace MidwestSports.Trivia.Persistence;

internal sealed class TriviaNightConfiguration : IEntityTypeConfiguration<TriviaNight>
{
    public void Configure(EntityTypeBuilder<TriviaNight> builder)
    {
        builder.ToTable("nights");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Partner).HasMaxLength(40);
        builder.Property(n => n.EventId).HasMaxLength(100);
        builder.Property(n => n.Season).HasMaxLength(60);
        builder.Property(n => n.GameType).HasMaxLength(40);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.PartnerVenueId).HasMaxLength(100);
        builder.Property(n => n.VenueName).HasMaxLength(200);
        builder.Property(n => n.CityName).HasMaxLength(100);
        builder.Property(n => n.PayloadHash).HasMaxLength(64);
        builder.Property(n => n.Flags).HasColumnType("text[]");
        builder.HasIndex(n => new { n.Partner, n.EventId }).IsUnique();
        builder.HasIndex(n => new { n.Partner, n.PartnerVenueId });
        builder.HasIndex(n => n.Date);
        builder.HasMany(n => n.Results).WithOne().HasForeignKey(r => r.NightId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TriviaResultConfiguration : IEntityTypeConfiguration<TriviaResult>
{
    public void Configure(EntityTypeBuilder<TriviaResult> builder)
    {
        builder.ToTable("results");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.PartnerTeamId).HasMaxLength(100);
        builder.Property(r => r.TeamName).HasMaxLength(200);
        builder.Property(r => r.Rounds).HasColumnType("integer[]");
        builder.HasIndex(r => new { r.NightId, r.PartnerTeamId }).IsUnique();
        builder.HasIndex(r => r.TeamId);
    }
}

internal sealed class PartnerLinkConfiguration : IEntityTypeConfiguration<PartnerLink>
{
    public void Configure(EntityTypeBuilder<PartnerLink> builder)
    {
        builder.ToTable("partner_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Partner).HasMaxLength(40);
        builder.Property(l => l.Season).HasMaxLength(60);
        builder.Property(l => l.PartnerId).HasMaxLength(100);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.CityName).HasMaxLength(100);
        builder.Property(l => l.DecidedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.Kind, l.Partner, l.Season, l.PartnerId }).IsUnique();
        builder.HasIndex(l => l.Status);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("sync_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.PerCity).HasColumnType("jsonb").HasConversion(
            figures => System.Text.Json.JsonSerializer.Serialize(figures, (System.Text.Json.JsonSerializerOptions?)null),
            json => System.Text.Json.JsonSerializer.Deserialize<Dictionary<Guid, CityFigures>>(json, (System.Text.Json.JsonSerializerOptions?)null) ?? new Dictionary<Guid, CityFigures>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<Guid, CityFigures>>(
                (a, b) => System.Text.Json.JsonSerializer.Serialize(a, (System.Text.Json.JsonSerializerOptions?)null) == System.Text.Json.JsonSerializer.Serialize(b, (System.Text.Json.JsonSerializerOptions?)null),
                v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
                v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<Guid, CityFigures>>(System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null), (System.Text.Json.JsonSerializerOptions?)null)!));
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class RawPageConfiguration : IEntityTypeConfiguration<RawPage>
{
    public void Configure(EntityTypeBuilder<RawPage> builder)
    {
        builder.ToTable("raw_pages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Hash).HasMaxLength(64);
        builder.HasIndex(p => new { p.RunId, p.Number });
    }
}

internal sealed class TriviaLeagueRulesConfiguration : IEntityTypeConfiguration<TriviaLeagueRules>
{
    public void Configure(EntityTypeBuilder<TriviaLeagueRules> builder)
    {
        builder.ToTable("league_rules");
        builder.HasKey(r => r.LeagueId);
        builder.Property(r => r.Scoring).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PointsTable).HasColumnType("integer[]");
        builder.Property(r => r.ExcludedGameTypes).HasColumnType("text[]");
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class TriviaUploadConfiguration : IEntityTypeConfiguration<TriviaUpload>
{
    public void Configure(EntityTypeBuilder<TriviaUpload> builder)
    {
        builder.ToTable("uploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.FileName).HasMaxLength(260);
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
        builder.Property(u => u.DecidedBy).HasMaxLength(256);
        builder.Property(u => u.Encoding).HasMaxLength(40);
        builder.Property(u => u.Delimiter).HasMaxLength(10);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.CityIds).HasColumnType("uuid[]");
        builder.Property(u => u.Rows).HasColumnType("jsonb");
        builder.Property(u => u.Messages).HasColumnType("jsonb");
        builder.Property(u => u.Preview).HasColumnType("jsonb");
        builder.Property(u => u.Applied).HasColumnType("jsonb");
        builder.HasIndex(u => u.UploadedAt);
    }
}
