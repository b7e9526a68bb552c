using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal static class LeagueStandings
{
    public static async Task<StandingsTable> ComputeAsync(LeaguesDbContext db, League league, CancellationToken ct)
    {
        var games = await db.Games.AsNoTracking()
            .Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Regular && (g.Status == GameStatus.Final || g.Status == GameStatus.Forfeit))
            .Select(g => new CompletedGame(g.HomeTeamId, g.AwayTeamId, g.HomeScore!.Value, g.AwayScore!.Value, g.ForfeitedBy))
            .ToListAsync(ct);
        var played = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).ToHashSet();
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id || played.Contains(t.TeamId)).ToListAsync(ct);
        var coinFlips = await db.CoinFlips.AsNoTracking().Where(c => c.LeagueId == league.Id).ToDictionaryAsync(c => c.TeamId, c => c.Draw, ct);
        var input = new StandingsInput(
            [.. teams.Where(t => played.Contains(t.TeamId) || (t.LeagueId == league.Id && t.Active && !t.Deleted)).Select(t => new StandingsTeam(t.TeamId, t.Name))],
            games,
            TieBreakerRuleSets.Find(league.TieBreakers) ?? TieBreakerRuleSets.Default,
            league.DifferentialCap,
            coinFlips);
        return StandingsCalculator.Compute(input);
    }

    /// <summary>Draws once for every team whose tie has come down to a coin flip; the draw is kept, so the order never changes by itself.</summary>
    /// <returns>The standings with every needed draw recorded.</returns>
    public static async Task<StandingsTable> RecordCoinFlipsAsync(LeaguesDbContext db, League league, DateTimeOffset now, CancellationToken ct)
    {
        var table = await ComputeAsync(db, league, ct);
        if (table.NeedsCoinFlip.Count == 0)
        {
            return table;
        }

        // The group lists every team still tied; only those without a draw get one.
        var drawn = await db.CoinFlips.Where(c => c.LeagueId == league.Id).Select(c => c.TeamId).ToListAsync(ct);
        var missing = table.NeedsCoinFlip.Except(drawn).ToList();
        if (missing.Count == 0)
        {
            return table;
        }

        foreach (var teamId in missing)
        {
            db.CoinFlips.Add(new CoinFlip { LeagueId = league.Id, TeamId = teamId, CityId = league.CityId, Draw = RandomNumberGenerator.GetInt32(1, int.MaxValue), DrawnAt = now });
        }

        await db.SaveChangesAsync(ct);
        return await ComputeAsync(db, league, ct);
    }
}
