using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Brackets;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal static class Playoffs
{
    /// <summary>
    /// Brings the playoff games in line with the bracket: a game for every match whose two teams are now known, and no
    /// unplayed game left for a match whose teams changed (a corrected result) or that is no longer needed.
    /// </summary>
    public static async Task AdvanceAsync(LeaguesDbContext db, League league, DateTimeOffset now, CancellationToken ct)
    {
        var (bracket, _, states, games) = await ResolveAsync(db, league.Id, ct);
        if (bracket is null)
        {
            return;
        }

        var byCode = states.ToDictionary(s => s.Code);
        foreach (var (code, game) in games.Where(g => !g.Value.HasResult).ToList())
        {
            if (!byCode.TryGetValue(code, out var state) || !state.Needed || state.Home != game.HomeTeamId || state.Away != game.AwayTeamId)
            {
                db.Games.Remove(game);
                games.Remove(code);
            }
        }

        foreach (var match in states.Where(s => s.Needed && !s.IsBye && s.Home is not null && s.Away is not null && !games.ContainsKey(s.Code)))
        {
            db.Games.Add(Game.Schedule(league.Id, league.CityId, GameKind.Playoff, match.Round, null, null, 60, null, null, match.Home!.Value, match.Away!.Value, match.Code, now));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A playoff result may be taken back only while no match it feeds has been played.</summary>
    public static async Task EnsureNothingPlayedAfterAsync(LeaguesDbContext db, Game game, CancellationToken ct)
    {
        var (_, plan, _, games) = await ResolveAsync(db, game.LeagueId, ct);
        var fed = plan?.Matches.Where(m => m.Home.FromMatch == game.BracketCode || m.Away.FromMatch == game.BracketCode).Select(m => m.Code) ?? [];
        if (fed.FirstOrDefault(code => games.TryGetValue(code, out var next) && next.HasResult) is { } played)
        {
            throw new ConflictException($"Match {played}, which this game feeds, already has a result; remove that one first.");
        }
    }

    /// <summary>The bracket's own rules decide whether this winner may be recorded (a later round already played: 409).</summary>
    public static async Task EnsureWinnerAllowedAsync(LeaguesDbContext db, Game game, Guid winner, CancellationToken ct)
    {
        var (bracket, _, states, _) = await ResolveAsync(db, game.LeagueId, ct);
        if (bracket is null || game.BracketCode is null)
        {
            throw new ConflictException("The game belongs to no bracket.");
        }

        try
        {
            BracketRules.EnsureWinnerAllowed(states, game.BracketCode, winner);
        }
        catch (ArgumentException ex)
        {
            throw new ConflictException(ex.Message);
        }
    }

    public static async Task<BracketDto> LoadAsync(LeaguesDbContext db, Guid leagueId, CancellationToken ct)
    {
        var (bracket, _, states, games) = await ResolveAsync(db, leagueId, ct);
        if (bracket is null)
        {
            throw new NotFoundException("Bracket", leagueId);
        }

        var teamIds = bracket.Seeds.ToArray();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, t => t.Name, ct);
        string? Name(Guid? id) => id is { } t ? names.GetValueOrDefault(t, "(unknown team)") : null;
        var ordered = states.OrderBy(s => s.Side).ThenBy(s => s.Round).ThenBy(s => s.Position).ToList();
        var champion = BracketResolver.Champion(states);
        return new BracketDto(
            leagueId,
            bracket.Format == BracketFormat.DoubleElimination ? PlayoffFormat.DoubleElimination : PlayoffFormat.SingleElimination,
            [.. ordered.Select(s =>
            {
                var game = games.GetValueOrDefault(s.Code);
                return new BracketMatchDto(
                    s.Code, s.Side.ToString(), s.Round, s.Position, s.Home, Name(s.Home), s.HomeSeed, s.Away, Name(s.Away), s.AwaySeed, s.IsBye, s.Winner, s.Needed,
                    game?.Id, game?.HomeScore, game?.AwayScore);
            })],
            champion,
            Name(champion));
    }

    private static async Task<(Bracket? Bracket, BracketPlan? Plan, IReadOnlyList<MatchState> States, Dictionary<string, Game> Games)> ResolveAsync(
        LeaguesDbContext db, Guid leagueId, CancellationToken ct)
    {
        var bracket = await db.Brackets.AsNoTracking().SingleOrDefaultAsync(b => b.LeagueId == leagueId, ct);
        var games = await db.Games.Where(g => g.LeagueId == leagueId && g.Kind == GameKind.Playoff && g.BracketCode != null).ToDictionaryAsync(g => g.BracketCode!, ct);
        if (bracket is null)
        {
            return (null, null, [], games);
        }

        var plan = BracketPlanner.Plan(bracket.Format, bracket.Seeds.Count);
        var winners = games.Values.Where(g => g.Winner is not null).ToDictionary(g => g.BracketCode!, g => g.Winner!.Value);
        try
        {
            return (bracket, plan, BracketResolver.Resolve(plan, bracket.Seeds, winners), games);
        }
        catch (ArgumentException ex)
        {
            throw new ConflictException(ex.Message);
        }
    }
}
