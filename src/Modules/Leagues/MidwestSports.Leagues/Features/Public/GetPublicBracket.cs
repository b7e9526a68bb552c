using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features.Public;

/// <summary>A published league's playoff bracket; an empty one (no format, no matches) until the playoffs are seeded.</summary>
internal sealed class GetPublicBracketHandler(LeaguesDbContext db) : IQueryHandler<GetPublicBracket, PublicBracket?>
{
    public async ValueTask<PublicBracket?> Handle(GetPublicBracket query, CancellationToken cancellationToken)
    {
        if (await PublicLeagues.FindAsync(db, query.LeagueId, cancellationToken) is not { } found)
        {
            return null;
        }

        var league = found.League;
        var seeded = await db.Brackets.AsNoTracking().Where(b => b.LeagueId == league.Id).Select(b => (DateTimeOffset?)b.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        if (seeded is null)
        {
            return new PublicBracket(league.Id, league.Name, null, [], null, league.UpdatedAt);
        }

        var bracket = await Playoffs.LoadAsync(db, league.Id, cancellationToken);
        var lastGame = await db.Games.AsNoTracking().Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Playoff)
            .MaxAsync(g => (DateTimeOffset?)g.UpdatedAt, cancellationToken);
        return new PublicBracket(
            league.Id,
            league.Name,
            bracket.Format,
            bracket.Matches,
            bracket.ChampionId is { } champion ? new PublicTeamRef(champion, bracket.ChampionName ?? "(unknown team)") : null,
            PublicLeagues.Latest(league.UpdatedAt, new[] { seeded, lastGame }.OfType<DateTimeOffset>()));
    }
}
