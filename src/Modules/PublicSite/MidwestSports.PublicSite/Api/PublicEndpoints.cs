using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Caching;
using MidwestSports.PublicSite.Changes;
using MidwestSports.PublicSite.Contracts;
using MidwestSports.Shared.Errors;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using static MidwestSports.PublicSite.Api.PublicQueryRules;

namespace MidwestSports.PublicSite.Api;

internal sealed record PublicCitiesPayload(IReadOnlyList<PublicCity> Cities, DateTimeOffset UpdatedAt);

internal sealed record PublicSponsor(Guid Id, string Name);

/// <summary>A team's public page: no captain, no contact; its sponsor's name only.</summary>
internal sealed record PublicTeamPayload(
    Guid Id,
    string Name,
    bool Active,
    PublicLeagueRef League,
    PublicSponsor? Sponsor,
    int Won,
    int Lost,
    int Tied,
    string TimeZone,
    IReadOnlyList<PublicGame> Games,
    DateTimeOffset UpdatedAt);

/// <summary>
/// <c>/public/v1</c>: anonymous, GET and HEAD only, cached (see <see cref="PublicResult"/> and <see cref="PublicCache"/>).
/// Each route asks the owning module through its Contracts for a public shape, tags the answer with what it shows,
/// and turns "not published" into the same 404 as "unknown".
/// </summary>
internal static class PublicEndpoints
{
    public const string Group = "public-v1";

    private static readonly string[] GetHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/public/v1").WithGroupName(Group).WithTags("Public");

        v1.MapMethods("/cities", GetHead, async (HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var cities = await sender.Send(new ListPublicCities(), ct);
            PublicCache.Tag(http, PublicCache.Cities);
            return PublicResult.Json(http, new PublicCitiesPayload(cities, cities.Count == 0 ? DateTimeOffset.UnixEpoch : cities.Max(c => c.UpdatedAt)), Latest(cities.Select(c => c.UpdatedAt)));
        }).WithName("PublicCities").WithSummary("Every city: slug, name, state, time zone.").Produces<PublicCitiesPayload>();

        v1.MapMethods("/cities/{slug}/leagues", GetHead, async (string slug, string? season, string? sport, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (year, term) = Season(season);
            var leagues = await sender.Send(new ListPublicLeagues(slug, year, term, Sport(sport)), ct) ?? throw new NotFoundException("City", slug);
            PublicCache.Tag(http, PublicCache.City(leagues.City.Id), PublicCache.CityLeagueLists);
            return PublicResult.Json(http, leagues, leagues.UpdatedAt);
        }).WithName("PublicCityLeagues").WithSummary("A city's published leagues; season (\"Fall 2026\" or a year) and sport filter them.").Produces<PublicCityLeagues>();

        v1.MapMethods("/leagues/{id}", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var league = await sender.Send(new GetPublicLeague(Id(id, "id")), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, [PublicCache.League(league.Id), .. league.Venues.Select(v => PublicCache.Venue(v.Id))]);
            return PublicResult.Json(http, league, league.UpdatedAt);
        }).WithName("PublicLeague").WithSummary("A published league: night, season, sport, status, venues with addresses, team names.").Produces<PublicLeague>();

        v1.MapMethods("/leagues/{id}/games", GetHead, async (string id, string? from, string? to, string? teamId, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var leagueId = Id(id, "id");
            var (start, end) = (Date(from, "from"), Date(to, "to"));
            Range(start, end);
            var games = await sender.Send(new ListPublicGames(leagueId, start, end, OptionalId(teamId, "teamId")), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, [PublicCache.League(leagueId), .. games.Games.Where(g => g.Venue is not null).Select(g => PublicCache.Venue(g.Venue!.Id)).Distinct()]);
            return PublicResult.Json(http, games, games.UpdatedAt);
        }).WithName("PublicLeagueGames").WithSummary("A published league's games (from/to: YYYY-MM-DD, at most a year apart; teamId: one team's).").Produces<PublicGames>();

        v1.MapMethods("/leagues/{id}/standings", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var standings = await sender.Send(new GetPublicStandings(Id(id, "id")), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, PublicCache.League(standings.LeagueId));
            return PublicResult.Json(http, standings, standings.UpdatedAt);
        }).WithName("PublicLeagueStandings").WithSummary("A published league's standings and the tie-breaker rule set's name.").Produces<PublicStandings>();

        v1.MapMethods("/leagues/{id}/bracket", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var bracket = await sender.Send(new GetPublicBracket(Id(id, "id")), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, PublicCache.League(bracket.LeagueId));
            return PublicResult.Json(http, bracket, bracket.UpdatedAt);
        }).WithName("PublicLeagueBracket").WithSummary("A published league's playoff bracket (empty until seeded).").Produces<PublicBracket>();

        v1.MapMethods("/teams/{id}", GetHead, async (string id, HttpContext http, ISender sender, ISponsorDirectory sponsors, CancellationToken ct) =>
        {
            var teamId = Id(id, "id");
            var found = await sender.Send(new GetPublicTeamSchedule(teamId), ct);
            if (found.Lookup == PublicLookup.Gone)
            {
                return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The team was deleted.", detail: "Its games stay in the league's schedule under its name.");
            }

            var team = found.Team ?? throw new NotFoundException("Team", id);
            var sponsorId = await sender.Send(new GetTeamSponsor(teamId), ct);
            var sponsor = sponsorId is { } s ? await sponsors.FindAsync(s, ct) : null;
            PublicCache.Tag(http, [PublicCache.Team(teamId), PublicCache.League(team.League.Id), .. sponsorId is { } tagged ? [PublicCache.Sponsor(tagged)] : Array.Empty<string>()]);
            var payload = new PublicTeamPayload(
                team.Id, team.Name, team.Active, team.League, sponsor is null ? null : new PublicSponsor(sponsor.SponsorId, sponsor.Name),
                team.Won, team.Lost, team.Tied, team.TimeZone, team.Games, team.UpdatedAt);
            return PublicResult.Json(http, payload, team.UpdatedAt);
        }).WithName("PublicTeam").WithSummary("A team of a published league: league, sponsor's name, games and results (no captain or contact data).")
            .Produces<PublicTeamPayload>().ProducesProblem(StatusCodes.Status410Gone);

        v1.MapMethods("/trivia/leagues/{id}/standings", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var standings = await sender.Send(new GetPublicTriviaStandings(Id(id, "id")), ct) ?? throw new NotFoundException("Trivia league", id);
            PublicCache.Tag(http, PublicCache.League(standings.LeagueId));
            return PublicResult.Json(http, standings, standings.UpdatedAt);
        }).WithName("PublicTriviaStandings").WithSummary("A published trivia league's standings, from the partner's results.").Produces<PublicTriviaStandings>();

        v1.MapMethods("/trivia/leagues/{id}/nights", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var nights = await sender.Send(new ListPublicTriviaNights(Id(id, "id")), ct) ?? throw new NotFoundException("Trivia league", id);
            PublicCache.Tag(http, PublicCache.League(nights.LeagueId));
            return PublicResult.Json(http, nights, nights.UpdatedAt);
        }).WithName("PublicTriviaNights").WithSummary("A published trivia league's nights with every team's score, newest first.").Produces<PublicTriviaNights>();

        v1.MapMethods("/changes", GetHead, async (string? since, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var page = await sender.Send(new ListPublicChanges(Since(since)), ct);
            if (page is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status410Gone,
                    title: "The token is older than the change feed keeps.",
                    detail: "Reload what you show, then ask again without 'since' and keep the new 'next'.");
            }

            PublicCache.Tag(http, ChangeRecorder.ChangesTag);
            return PublicResult.Json(http, page, page.UpdatedAt);
        }).WithName("PublicChanges").WithSummary("What changed after a token (oldest first), and the token to ask with next; no token: from the oldest kept.")
            .Produces<PublicChangesPage>().ProducesProblem(StatusCodes.Status410Gone);

        // Read-only: any other method on a public path is a 405 naming the two allowed (not the admin UI's sign-in redirect),
        // and an unknown public path a 404 in the API's shape.
        v1.MapMethods("/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, HEAD";
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "The public API is read-only: GET and HEAD only.");
        }).WithName("PublicReadOnly").ExcludeFromDescription();
        v1.MapMethods("/{**path}", GetHead, () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such public resource."))
            .WithName("PublicUnknown").ExcludeFromDescription();

        return v1;
    }

    private static DateTimeOffset Latest(IEnumerable<DateTimeOffset> times) => times.DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
}
