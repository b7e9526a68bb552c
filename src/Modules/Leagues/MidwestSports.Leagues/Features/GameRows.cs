using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal static class GameRows
{
    public static async Task<Game> ForWriteAsync(LeaguesDbContext db, CityScope scope, Guid gameId, CancellationToken ct)
    {
        var game = await db.Games.InScope(scope).SingleOrDefaultAsync(g => g.Id == gameId, ct) ?? throw new NotFoundException("Game", gameId);
        scope.EnsureCanWrite();
        return game;
    }

    /// <summary>
    /// The game for a result, under the league's lock (inside the caller's transaction): results of one league are
    /// entered one at a time, so coin flips and bracket advances see every earlier result.
    /// </summary>
    public static async Task<Game> ForResultAsync(LeaguesDbContext db, CityScope scope, Guid gameId, CancellationToken ct)
    {
        var leagueId = await db.Games.AsNoTracking().InScope(scope).Where(g => g.Id == gameId).Select(g => (Guid?)g.LeagueId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Game", gameId);
        scope.EnsureCanWrite();
        await LeagueLocks.LeagueAsync(db, leagueId, ct);
        return await db.Games.SingleAsync(g => g.Id == gameId, ct);
    }

    /// <summary>Games in the order an admin reads a schedule: by date and time, undated playoff games last by round.</summary>
    public static async Task<IReadOnlyList<GameDto>> ToDtosAsync(LeaguesDbContext db, IReadOnlyList<Game> games, CancellationToken ct)
    {
        var teamIds = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).Distinct().ToArray();
        var venueIds = games.Where(g => g.VenueId is not null).Select(g => g.VenueId!.Value).Distinct().ToArray();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, t => t.Name, ct);
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return
        [
            .. games
                .OrderBy(g => g.Kind)
                .ThenBy(g => g.Date ?? DateOnly.MaxValue)
                .ThenBy(g => g.Start ?? TimeOnly.MaxValue)
                .ThenBy(g => g.Round)
                .ThenBy(g => g.VenueId is { } v ? venues.GetValueOrDefault(v) : null, StringComparer.Ordinal)
                .ThenBy(g => g.Field, StringComparer.Ordinal)
                .ThenBy(g => g.BracketCode, StringComparer.Ordinal)
                .ThenBy(g => g.Id)
                .Select(g => new GameDto(
                    g.Id, g.LeagueId, g.CityId, g.Kind, g.Round, g.Date, g.Start, g.DurationMinutes, g.VenueId, g.VenueId is { } v ? venues.GetValueOrDefault(v) : null, g.Field,
                    g.HomeTeamId, teams.GetValueOrDefault(g.HomeTeamId, "(unknown team)"), g.AwayTeamId, teams.GetValueOrDefault(g.AwayTeamId, "(unknown team)"),
                    g.Status, g.HomeScore, g.AwayScore, g.ForfeitedBy, g.BracketCode, g.Version)),
        ];
    }
}
