using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>A published league's standings, computed exactly as the admin sees them, with the rule set's name.</summary>
internal sealed class GetPublicStandingsHandler(LeaguesDbContext db) : IQueryHandler<GetPublicStandings, PublicStandings?>
{
    public async ValueTask<PublicStandings?> Handle(GetPublicStandings query, CancellationToken cancellationToken)
    {
        if (await PublicLeagues.FindAsync(db, query.LeagueId, cancellationToken) is not { } found)
        {
            return null;
        }

        var league = found.League;
        var table = await LeagueStandings.ComputeAsync(db, league, cancellationToken);
        var lastResult = await db.Games.AsNoTracking().Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Regular)
            .MaxAsync(g => (DateTimeOffset?)g.UpdatedAt, cancellationToken);
        var teamsChanged = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id).MaxAsync(t => (DateTimeOffset?)t.UpdatedAt, cancellationToken);
        return new PublicStandings(
            league.Id,
            league.Name,
            table.Rules.Name,
            table.Rules.Title,
            [.. table.Rows.Select(r => new PublicStandingsRow(
                r.Position, new PublicTeamRef(r.TeamId, r.Name), r.Played, r.Won, r.Lost, r.Tied, r.Forfeits, r.WinPercentage, r.PointsFor, r.PointsAgainst,
                r.Differential, r.AboveNextBecause))],
            PublicLeagues.Latest(league.UpdatedAt, new[] { lastResult, teamsChanged }.OfType<DateTimeOffset>()));
    }
}
