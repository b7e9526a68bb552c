using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>Teams' replica of the league facts a team listing shows: name, sport, season, city. Fed by <c>LeagueChanged</c>.</summary>
internal sealed class LeagueName
{
    public Guid LeagueId { get; set; }

    public Guid CityId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Sport { get; set; } = string.Empty;

    /// <summary>"Fall 2026": how admins say a season.</summary>
    public string Season { get; set; } = string.Empty;

    public bool Archived { get; set; }

    public long Version { get; set; }
}

internal sealed class LeagueNameConfiguration : IEntityTypeConfiguration<LeagueName>
{
    public void Configure(EntityTypeBuilder<LeagueName> builder)
    {
        builder.ToTable("league_names");
        builder.HasKey(l => l.LeagueId);
        builder.Property(l => l.LeagueId).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(120);
        builder.Property(l => l.Sport).HasMaxLength(40);
        builder.Property(l => l.Season).HasMaxLength(20);
    }
}

/// <summary>Version-guarded upsert under the inbox: repeats and late, older events change nothing.</summary>
internal sealed class LeagueChangedHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<LeagueChanged>
{
    public async ValueTask Handle(LeagueChanged notification, CancellationToken cancellationToken)
    {
        var season = $"{notification.Term} {notification.SeasonYear}";
        var archived = notification.Status == LeagueStatus.Archived;
        await db.HandleOnceAsync(notification, nameof(LeagueChangedHandler), time.GetUtcNow(), async ct =>
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO teams.league_names (league_id, city_id, name, sport, season, archived, version)
                    VALUES ({notification.LeagueId}, {notification.CityId}, {notification.Name}, {notification.Sport}, {season}, {archived}, {notification.Version})
                    ON CONFLICT (league_id) DO UPDATE SET city_id = excluded.city_id, name = excluded.name, sport = excluded.sport,
                        season = excluded.season, archived = excluded.archived, version = excluded.version
                    WHERE teams.league_names.version < excluded.version
                    """,
                    ct),
            cancellationToken);
    }
}
