using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Teams' local replica of a city's name, fed by the Leagues module's <c>CityChanged</c> events.
/// Listings join nothing across schemas: they read names from here.
/// </summary>
internal sealed class CityName
{
    public Guid CityId { get; set; }

    public string Name { get; set; } = string.Empty;

    public long Version { get; set; }
}

internal sealed class CityNameConfiguration : IEntityTypeConfiguration<CityName>
{
    public void Configure(EntityTypeBuilder<CityName> builder)
    {
        builder.ToTable("city_names");
        builder.HasKey(c => c.CityId);
        builder.Property(c => c.CityId).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}
