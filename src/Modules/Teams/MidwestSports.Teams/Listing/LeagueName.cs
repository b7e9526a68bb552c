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

    /// <summary>year * 10 + term, so seasons sort in time.</summary>
    public int SeasonSort { get; set; }

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

/// <summary>
/// Version-guarded under the inbox: the replica row, the teams of a league that moved city, and every listing row of
/// the league, each in one set-based statement, in one transaction. Repeats and late, older events change nothing.
/// </summary>
internal sealed class LeagueChangedHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<LeagueChanged>
{
    public async ValueTask Handle(LeagueChanged notification, CancellationToken cancellationToken) =>
        await db.HandleOnceAsync(notification, nameof(LeagueChangedHandler), time.GetUtcNow(), async ct =>
            {
                var league = LeagueReplica.From(notification);
                await LeagueReplica.UpsertAsync(db, league, ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE teams.teams SET city_id = {league.CityId} WHERE league_id = {league.LeagueId} AND city_id <> {league.CityId}", ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE teams.team_listing l
                    SET league_name = {league.Name}, sport = {league.Sport}, season = {league.Season}, season_sort = {league.SeasonSort},
                        league_version = {league.Version}, city_id = {league.CityId},
                        city_name = coalesce((SELECT c.name FROM teams.city_names c WHERE c.city_id = {league.CityId}), l.city_name),
                        city_version = coalesce((SELECT c.version FROM teams.city_names c WHERE c.city_id = {league.CityId}), l.city_version)
                    WHERE l.league_id = {league.LeagueId} AND l.league_version < {league.Version}
                    """,
                    ct);
            },
            cancellationToken);
}

internal static class LeagueReplica
{
    public static LeagueName From(LeagueChanged e) => Of(e.LeagueId, e.CityId, e.Name, e.Sport, e.SeasonYear, e.Term, e.Status, e.Version);

    public static LeagueName From(LeagueFacts f) => Of(f.LeagueId, f.CityId, f.Name, f.Sport, f.SeasonYear, f.Term, f.Status, f.Version);

    /// <summary>Inserts or moves the replica forward (<see cref="NameReplica"/>); an older version never overwrites a newer one.</summary>
    public static Task<int> UpsertAsync(TeamsDbContext db, LeagueName l, CancellationToken ct) =>
        NameReplica.Leagues.UpsertAsync(db, l.LeagueId, [l.CityId, l.Name, l.Sport, l.Season, l.SeasonSort, l.Archived], l.Version, ct);

    private static LeagueName Of(Guid id, Guid cityId, string name, string sport, int year, SeasonTerm term, LeagueStatus status, long version) => new()
    {
        LeagueId = id,
        CityId = cityId,
        Name = name,
        Sport = sport,
        Season = $"{term} {year}",
        SeasonSort = SeasonKey.Of(year, term),
        Archived = status == LeagueStatus.Archived,
        Version = version,
    };
}
