using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Standings;

namespace MidwestSports.Trivia.Features;

/// <summary>
/// A trivia league's standings, computed from the stored nights of its teams (void and held nights left out) under
/// its rules; every row carries the nights behind it.
/// </summary>
internal sealed class GetTriviaStandingsHandler(TriviaDbContext db, TriviaLeagueAccess access, ITeamDirectory teams, TimeProvider time)
    : IQueryHandler<GetTriviaStandings, TriviaStandingsDto>
{
    public async ValueTask<TriviaStandingsDto> Handle(GetTriviaStandings query, CancellationToken cancellationToken)
    {
        var league = await access.ForReadAsync(query.LeagueId, cancellationToken);
        var roster = (await teams.TeamsOfLeagueAsync(league.LeagueId, cancellationToken)).Where(t => t.Status == TeamStatus.Active).ToDictionary(t => t.TeamId, t => t.Name);
        var rules = (await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.LeagueId == league.LeagueId, cancellationToken))?.ToDto() ?? TriviaLeagueRules.Default;
        var teamIds = roster.Keys.ToArray();
        var nightIds = db.Results.Where(r => r.TeamId != null && teamIds.Contains(r.TeamId.Value)).Select(r => r.NightId);
        var results = await db.Nights.AsNoTracking()
            .Where(n => nightIds.Contains(n.Id) && !n.Held && n.Status != TriviaNightStatus.Void)
            .SelectMany(n => n.Results.Select(r => new { n.Id, n.Date, n.GameType, r.TeamId, r.Total, r.Rank }))
            .ToListAsync(cancellationToken);
        var scores = TriviaStandingsCalculator.WithPlaces(results.Select(r => (r.Id, r.Date, r.GameType, r.TeamId, r.Total, r.Rank)))
            .Where(s => roster.ContainsKey(s.TeamId)).ToList();
        var rows = TriviaStandingsCalculator.Compute(scores, rules, roster);
        return new TriviaStandingsDto(league.LeagueId, league.Name, TriviaStandingsCalculator.Describe(rules), time.GetUtcNow(), rows);
    }
}

/// <summary>The nights of a trivia league's teams, newest first, with every result (also held and void nights: history is kept).</summary>
internal sealed class ListTriviaNightsHandler(TriviaDbContext db, TriviaLeagueAccess access, ITeamDirectory teams) : IQueryHandler<ListTriviaNights, IReadOnlyList<TriviaNightDto>>
{
    public async ValueTask<IReadOnlyList<TriviaNightDto>> Handle(ListTriviaNights query, CancellationToken cancellationToken)
    {
        var league = await access.ForReadAsync(query.LeagueId, cancellationToken);
        var roster = (await teams.TeamsOfLeagueAsync(league.LeagueId, cancellationToken)).ToDictionary(t => t.TeamId, t => t.Name);
        var teamIds = roster.Keys.ToArray();
        var nights = await db.Nights.AsNoTracking().Include(n => n.Results)
            .Where(n => n.Results.Any(r => r.TeamId != null && teamIds.Contains(r.TeamId.Value)))
            .OrderByDescending(n => n.Date).ThenBy(n => n.EventId)
            .ToListAsync(cancellationToken);
        return [.. nights.Select(n => new TriviaNightDto(n.Id, n.EventId, n.Season, n.Week, n.GameType, n.Status, n.Date, n.StartTime, n.VenueName, n.Held, n.Flags,
            [.. n.Results.OrderByDescending(r => r.Total).ThenBy(r => r.TeamName).Select(r => new TriviaResultDto(
                r.TeamId, r.TeamName, r.TeamId is { } id && roster.TryGetValue(id, out var name) ? name : null, r.Rounds, r.Bonus, r.Total, r.Rank))]))];
    }
}

internal static class TriviaStandingsEndpoints
{
    public static void Map(IEndpointRouteBuilder trivia)
    {
        trivia.MapGet("/leagues/{leagueId:guid}/standings", async (Guid leagueId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTriviaStandings(leagueId), ct)))
            .WithName("GetTriviaStandings")
            .ProducesProblem(StatusCodes.Status404NotFound);
        trivia.MapGet("/leagues/{leagueId:guid}/nights", async (Guid leagueId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListTriviaNights(leagueId), ct)))
            .WithName("ListTriviaNights")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
