using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Sponsors.Domain;

namespace MidwestSports.Sponsors.Persistence;

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> builder)
    {
        builder.ToTable("sponsors");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.ContactName).HasMaxLength(120);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Website).HasMaxLength(300);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.CityIds);
        builder.HasMany(s => s.Cities).WithOne().HasForeignKey(c => c.SponsorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Cities).AutoInclude();
        builder.HasIndex(s => s.Name);
    }
}

internal sealed class SponsorCityConfiguration : IEntityTypeConfiguration<SponsorCity>
{
    public void Configure(EntityTypeBuilder<SponsorCity> builder)
    {
        builder.ToTable("sponsor_cities");
        builder.HasKey(c => new { c.SponsorId, c.CityId });
        builder.HasIndex(c => c.CityId);
    }
}
