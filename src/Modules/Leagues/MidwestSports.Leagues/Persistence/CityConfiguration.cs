using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Leagues.Domain;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.ToTable("cities");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.State).HasMaxLength(2);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property<string>(NameKeys.Column).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex(NameKeys.Column).IsUnique().HasDatabaseName(UniqueKeys.IndexName("cities", "name"));
    }
}
