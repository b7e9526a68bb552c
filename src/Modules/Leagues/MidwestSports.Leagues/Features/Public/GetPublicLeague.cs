using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>A published league: when it plays, where (venues with addresses, from its slots and games) and who (team names).</summary>
internal sealed class GetPublicLeagueHandler(LeaguesDbContext db) : IQueryHandler<GetPublicLeague, PublicLeague?>
{
    public async ValueTask<PublicLeague?> Handle(GetPublicLeague query, CancellationToken cancellationToken)
    {
        if (await PublicLeagues.FindAsync(db, query.LeagueId, cancellationToken) is not { } found)
        {
            return null;
        }

        var league = found.League;
        var venueIds = await db.Slots.AsNoTracking().Where(s => s.LeagueId == league.Id).Select(s => s.VenueId)
            .Union(db.Games.AsNoTracking().Where(g => g.LeagueId == league.Id && g.VenueId != null).Select(g => g.VenueId!.Value))
            .ToListAsync(cancellationToken);
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id && t.Active && !t.Deleted).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return new PublicLeague(
            league.Id,
            league.Name,
            league.Sport,
            PublicLeagues.Season(league),
            league.SeasonYear,
            league.Term,
            league.Night,
            league.Level,
            league.Status,
            found.CityRef,
            found.City.TimeZone,
            [.. venues.Select(v => new PublicVenue(v.Id, v.Name, v.Address, v.Fields))],
            [.. teams.Select(t => new PublicTeamRef(t.TeamId, t.Name))],
            PublicLeagues.Latest(league.UpdatedAt, venues.Select(v => v.UpdatedAt).Concat(teams.Select(t => t.UpdatedAt)).Append(found.City.UpdatedAt)));
    }
}
