using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Persistence;

/// <summary>
/// Looks at what a save is about to write, stamps <c>UpdatedAt</c> on what changed, and puts one
/// <see cref="LeagueContentChanged"/> per league touched (and one <see cref="VenueChanged"/> per venue) into the
/// outbox of the same save. Done here rather than in each use case, so that no way of changing a schedule, a
/// result, a bracket or a league's set-up (today's or a future one) can forget to tell the public site.
/// </summary>
internal static class ContentChanges
{
    public static void Record(LeaguesDbContext db, DateTimeOffset now)
    {
        var leagues = new Dictionary<Guid, Touched>();
        var venues = new List<VenueChanged>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            Stamp(entry, now);
            switch (entry.Entity)
            {
                case Game game:
                    For(leagues, game.LeagueId, game.CityId).Games.Add(new ChangedItem(game.Id, Change(entry.State)));
                    if (game.Kind == GameKind.Playoff)
                    {
                        For(leagues, game.LeagueId, game.CityId).Bracket = true;
                    }

                    break;
                case Bracket bracket:
                    For(leagues, bracket.LeagueId, bracket.CityId).Bracket = true;
                    break;
                case League league:
                    For(leagues, league.Id, league.CityId).Setup = true;
                    break;
                case LeagueSlot slot:
                    For(leagues, slot.LeagueId, slot.CityId).Setup = true;
                    break;
                case Blackout blackout:
                    For(leagues, blackout.LeagueId, blackout.CityId).Setup = true;
                    break;
                case CoinFlip flip:
                    For(leagues, flip.LeagueId, flip.CityId).Setup = true;
                    break;
                case LeagueTeam team:
                    For(leagues, team.LeagueId, team.CityId).Setup = true;
                    break;
                case Venue venue:
                    venues.Add(new VenueChanged(Guid.CreateVersion7(now), venue.Id, venue.CityId, Change(entry.State), now));
                    break;
            }
        }

        foreach (var (leagueId, touched) in leagues)
        {
            db.AddToOutbox(new LeagueContentChanged(Guid.CreateVersion7(now), leagueId, touched.CityId, touched.Games, touched.Setup, touched.Bracket, now), now);
        }

        foreach (var venue in venues)
        {
            db.AddToOutbox(venue, now);
        }
    }

    private static void Stamp(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.State != EntityState.Deleted && entry.Entity is not Game && entry.Metadata.FindProperty("UpdatedAt") is not null)
        {
            entry.Property("UpdatedAt").CurrentValue = now;
        }
    }

    private static ContentChange Change(EntityState state) => state switch
    {
        EntityState.Added => ContentChange.Created,
        EntityState.Deleted => ContentChange.Deleted,
        _ => ContentChange.Updated,
    };

    private static Touched For(Dictionary<Guid, Touched> leagues, Guid leagueId, Guid cityId)
    {
        if (!leagues.TryGetValue(leagueId, out var touched))
        {
            touched = new Touched(cityId);
            leagues[leagueId] = touched;
        }

        return touched;
    }

    private sealed class Touched(Guid cityId)
    {
        public Guid CityId { get; } = cityId;

        public List<ChangedItem> Games { get; } = [];

        public bool Setup { get; set; }

        public bool Bracket { get; set; }
    }
}
