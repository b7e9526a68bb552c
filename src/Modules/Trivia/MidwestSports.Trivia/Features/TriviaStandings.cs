using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
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
        var (ruleSet, rows, _) = await TriviaLeagueTables.StandingsAsync(db, teams, league, cancellationToken);
        return new TriviaStandingsDto(league.LeagueId, league.Name, ruleSet, time.GetUtcNow(), rows);
    }
}

/// <summary>The nights of a trivia league's teams, newest first, with every result (also held and void nights: history is kept).</summary>
internal sealed class ListTriviaNightsHandler(TriviaDbContext db, TriviaLeagueAccess access, ITeamDirectory teams) : IQueryHandler<ListTriviaNights, IReadOnlyList<TriviaNightDto>>
{
    public async ValueTask<IReadOnlyList<TriviaNightDto>> Handle(ListTriviaNights query, CancellationToken cancellationToken)
    {
        var league = await access.ForReadAsync(query.LeagueId, cancellationToken);
        var (nights, roster) = await TriviaLeagueTables.NightsAsync(db, teams, league, publicOnly: false, cancellationToken);
        return [.. nights.Select(n => new TriviaNightDto(n.Id, n.EventId, n.Season, n.Week, n.GameType, n.Status, n.Date, n.StartTime, n.VenueName, n.Held, n.Flags,
            [.. TriviaLeagueTables.Ordered(n).Select(r => new TriviaResultDto(
                r.TeamId, r.TeamName, r.TeamId is { } id && roster.TryGetValue(id, out var name) ? name : null, r.Rounds, r.Bonus, r.Total, r.Rank))]))];
    }
}

/// <summary>A published trivia league's standings for the public site: the same table, stamped with its newest night instead of the clock.</summary>
internal sealed class GetPublicTriviaStandingsHandler(TriviaDbContext db, TriviaLeagueAccess access, ITeamDirectory teams) : IQueryHandler<GetPublicTriviaStandings, PublicTriviaStandings?>
{
    public async ValueTask<PublicTriviaStandings?> Handle(GetPublicTriviaStandings query, CancellationToken cancellationToken)
    {
        if (await access.PublishedAsync(query.LeagueId, cancellationToken) is not { } league)
        {
            return null;
        }

        var (ruleSet, rows, lastNight) = await TriviaLeagueTables.StandingsAsync(db, teams, league, cancellationToken);
        return new PublicTriviaStandings(league.LeagueId, league.Name, ruleSet, rows, lastNight ?? DateTimeOffset.UnixEpoch);
    }
}

/// <summary>A published trivia league's nights for the public site: final and provisional ones (nothing held for review, nothing void).</summary>
internal sealed class ListPublicTriviaNightsHandler(TriviaDbContext db, TriviaLeagueAccess access, ITeamDirectory teams) : IQueryHandler<ListPublicTriviaNights, PublicTriviaNights?>
{
    public async ValueTask<PublicTriviaNights?> Handle(ListPublicTriviaNights query, CancellationToken cancellationToken)
    {
        if (await access.PublishedAsync(query.LeagueId, cancellationToken) is not { } league)
        {
            return null;
        }

        var (nights, roster) = await TriviaLeagueTables.NightsAsync(db, teams, league, publicOnly: true, cancellationToken);
        return new PublicTriviaNights(
            league.LeagueId,
            league.Name,
            [.. nights.Select(n => new PublicTriviaNight(n.Id, n.Season, n.Week, n.GameType, n.Status, n.Date, n.StartTime, n.VenueName,
                [.. TriviaLeagueTables.Ordered(n).Select(r => new PublicTriviaResult(
                    r.Rank, r.TeamId, r.TeamId is { } id && roster.TryGetValue(id, out var name) ? name : r.TeamName, r.Rounds, r.Bonus, r.Total))]))],
            nights.Count == 0 ? DateTimeOffset.UnixEpoch : nights.Max(n => n.ReceivedAt));
    }
}

/// <summary>How a trivia league's table and nights are read, for the admin and the public alike.</summary>
internal static class TriviaLeagueTables
{
    public static async Task<(string RuleSet, IReadOnlyList<TriviaStandingRowDto> Rows, DateTimeOffset? LastNight)> StandingsAsync(
        TriviaDbContext db, ITeamDirectory teams, LeagueFacts league, CancellationToken ct)
    {
        var roster = (await teams.TeamsOfLeagueAsync(league.LeagueId, ct)).Where(t => t.Status == TeamStatus.Active).ToDictionary(t => t.TeamId, t => t.Name);
        var rules = (await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.LeagueId == league.LeagueId, ct))?.ToDto() ?? TriviaLeagueRules.Default;
        var teamIds = roster.Keys.ToArray();
        var nightIds = db.Results.Where(r => r.TeamId != null && teamIds.Contains(r.TeamId.Value)).Select(r => r.NightId);
        var results = await db.Nights.AsNoTracking()
            .Where(n => nightIds.Contains(n.Id) && !n.Held && n.Status != TriviaNightStatus.Void)
            .SelectMany(n => n.Results.Select(r => new { n.Id, n.Date, n.GameType, n.ReceivedAt, r.TeamId, r.Total, r.Rank }))
            .ToListAsync(ct);
        var scores = TriviaStandingsCalculator.WithPlaces(results.Select(r => (r.Id, r.Date, r.GameType, r.TeamId, r.Total, r.Rank)))
            .Where(s => roster.ContainsKey(s.TeamId)).ToList();
        var rows = TriviaStandingsCalculator.Compute(scores, rules, roster);
        return (TriviaStandingsCalculator.Describe(rules), rows, results.Count == 0 ? null : results.Max(r => r.ReceivedAt));
    }

    public static async Task<(IReadOnlyList<TriviaNight> Nights, IReadOnlyDictionary<Guid, string> Roster)> NightsAsync(
        TriviaDbContext db, ITeamDirectory teams, LeagueFacts league, bool publicOnly, CancellationToken ct)
    {
        var roster = (await teams.TeamsOfLeagueAsync(league.LeagueId, ct)).ToDictionary(t => t.TeamId, t => t.Name);
        var teamIds = roster.Keys.ToArray();
        var nights = db.Nights.AsNoTracking().Include(n => n.Results)
            .Where(n => n.Results.Any(r => r.TeamId != null && teamIds.Contains(r.TeamId.Value)));
        if (publicOnly)
        {
            nights = nights.Where(n => !n.Held && n.Status != TriviaNightStatus.Void);
        }

        return (await nights.OrderByDescending(n => n.Date).ThenBy(n => n.EventId).ToListAsync(ct), roster);
    }

    public static IEnumerable<TriviaResult> Ordered(TriviaNight night) => night.Results.OrderByDescending(r => r.Total).ThenBy(r => r.TeamName);
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
