using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>
/// A published league's games, cancelled and forfeited ones included (with their status), between two dates and
/// optionally of one team; undated playoff games come last. Null for an unpublished league or a team not of it.
/// </summary>
internal sealed class ListPublicGamesHandler(LeaguesDbContext db) : IQueryHandler<ListPublicGames, PublicGames?>
{
    public async ValueTask<PublicGames?> Handle(ListPublicGames query, CancellationToken cancellationToken)
    {
        if (await PublicLeagues.FindAsync(db, query.LeagueId, cancellationToken) is not { } found)
        {
            return null;
        }

        var games = db.Games.AsNoTracking().Where(g => g.LeagueId == query.LeagueId);
        if (query.TeamId is { } teamId)
        {
            if (!await db.Teams.AsNoTracking().AnyAsync(t => t.TeamId == teamId && t.LeagueId == query.LeagueId, cancellationToken)
                && !await games.AnyAsync(g => g.HomeTeamId == teamId || g.AwayTeamId == teamId, cancellationToken))
            {
                return null;
            }

            games = games.Where(g => g.HomeTeamId == teamId || g.AwayTeamId == teamId);
        }

        // A date range leaves out the playoff games that have no date yet.
        if (query.From is { } from)
        {
            games = games.Where(g => g.Date >= from);
        }

        if (query.To is { } to)
        {
            games = games.Where(g => g.Date <= to);
        }

        var list = await games.ToListAsync(cancellationToken);
        var shown = await PublicGameRows.ToPublicAsync(db, list, _ => found.Zone, cancellationToken);
        return new PublicGames(
            query.LeagueId,
            found.City.TimeZone,
            query.From,
            query.To,
            query.TeamId,
            shown,
            PublicLeagues.Latest(found.League.UpdatedAt, list.Select(g => g.UpdatedAt)));
    }
}
