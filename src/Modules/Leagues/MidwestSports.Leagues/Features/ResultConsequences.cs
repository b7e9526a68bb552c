using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features;

/// <summary>What follows from entering or taking back a result, shared by <see cref="RecordResultHandler"/> and <see cref="ClearResultHandler"/>.</summary>
internal static class ResultConsequences
{
    /// <summary>A playoff result moves the bracket on; a regular-season one may bring a tie down to a coin flip.</summary>
    public static async Task ApplyAsync(LeaguesDbContext db, League league, Game game, DateTimeOffset now, CancellationToken ct)
    {
        if (game.Kind == GameKind.Playoff)
        {
            await Playoffs.AdvanceAsync(db, league, now, ct);
        }
        else
        {
            await LeagueStandings.RecordCoinFlipsAsync(db, league, now, ct);
        }
    }
}
