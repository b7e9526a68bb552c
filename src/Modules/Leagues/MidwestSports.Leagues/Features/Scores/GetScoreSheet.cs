using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features.Scores;

/// <summary>
/// The score sheet of one night: the dated regular and playoff games of the caller's leagues (one city's, one league's),
/// in the schedule's own order, with the nights before and after for stepping through the season.
/// </summary>
internal sealed class GetScoreSheetHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : IQueryHandler<GetScoreSheet, ScoreSheetDto>
{
    public async ValueTask<ScoreSheetDto> Handle(GetScoreSheet query, CancellationToken cancellationToken)
    {
        var leagues = db.Leagues.AsNoTracking().InScope(current.Scope);
        if (query.LeagueId is { } leagueId)
        {
            if (!await leagues.AnyAsync(l => l.Id == leagueId, cancellationToken))
            {
                throw new NotFoundException("League", leagueId);
            }

            leagues = leagues.Where(l => l.Id == leagueId);
        }

        if (query.CityId is { } cityId)
        {
            leagues = leagues.Where(l => l.CityId == cityId);
        }

        var leagueIds = leagues.Select(l => l.Id);
        var dated = db.Games.AsNoTracking().Where(g => leagueIds.Contains(g.LeagueId) && g.Date != null);
        // "Today" is the city's own date (a 9 pm game in Chicago is already tomorrow in UTC).
        var todayCity = query.CityId ?? await leagues.Select(l => (Guid?)l.CityId).FirstOrDefaultAsync(cancellationToken);
        var today = todayCity is { } city && await db.Cities.AnyAsync(c => c.Id == city, cancellationToken)
            ? await LeagueLocks.TodayAsync(db, city, time, cancellationToken)
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var night = query.Date
            ?? await dated.Where(g => g.Date <= today).MaxAsync(g => g.Date, cancellationToken)
            ?? await dated.MinAsync(g => g.Date, cancellationToken);
        if (night is not { } date)
        {
            return new ScoreSheetDto(null, null, null, 0, []);
        }

        var previous = await dated.Where(g => g.Date < date).MaxAsync(g => g.Date, cancellationToken);
        var next = await dated.Where(g => g.Date > date).MinAsync(g => g.Date, cancellationToken);
        var games = await GameRows.ToDtosAsync(db, await dated.Where(g => g.Date == date).ToListAsync(cancellationToken), cancellationToken);
        var ids = games.Select(g => g.LeagueId).Distinct().ToArray();
        var names = await db.Leagues.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Join(db.Cities.AsNoTracking(), l => l.CityId, c => c.Id, (l, c) => new { l.Id, League = l.Name, City = c.Name })
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        return new ScoreSheetDto(
            date,
            previous,
            next,
            games.Count(g => g.Status == GameStatus.Scheduled),
            [.. games.Select(g => new ScoreSheetGameDto(g, names[g.LeagueId].League, names[g.LeagueId].City))]);
    }
}

internal static class GetScoreSheetEndpoint
{
    public static void Map(IEndpointRouteBuilder games) =>
        games.MapGet("/night", async (ISender sender, CancellationToken ct, DateOnly? date = null, Guid? cityId = null, Guid? leagueId = null) =>
                Results.Ok(await sender.Send(new GetScoreSheet(date, cityId, leagueId), ct)))
            .WithName("GetScoreSheet")
            .WithDescription("One night's games for score entry (`date` yyyy-mm-dd; without it the latest night with games up to today), " +
                "in the caller's cities, narrowed by `cityId` or `leagueId`; with the nights before and after.")
            .Produces<ScoreSheetDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
