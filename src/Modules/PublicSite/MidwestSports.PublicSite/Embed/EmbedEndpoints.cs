using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Api;
using MidwestSports.PublicSite.Caching;
using MidwestSports.Shared.Errors;
using MidwestSports.Trivia.Contracts;
using static MidwestSports.PublicSite.Api.PublicQueryRules;

namespace MidwestSports.PublicSite.Embed;

/// <summary>
/// <c>/embed</c>: widgets a website frames, and the loader that frames them. The same public queries as the JSON
/// API, the same rules (unpublished is 404, a malformed id 400, a deleted team 410) and the same cache and tags, so
/// a result entered shows in a widget as soon as in the API. Colours are checked before anything is read.
/// </summary>
internal static class EmbedEndpoints
{
    private static readonly string[] GetHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var embed = endpoints.MapGroup("/embed").ExcludeFromDescription();

        embed.MapMethods("/leagues/{id}/standings", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (leagueId, theme) = (Id(id, "id"), WidgetTheme.From(http.Request.Query));
            var standings = await sender.Send(new GetPublicStandings(leagueId), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, PublicCache.League(leagueId));
            return Html(StandingsWidgets.League(http, standings, theme), standings.UpdatedAt);
        }).WithName("EmbedLeagueStandings");

        embed.MapMethods("/leagues/{id}/schedule", GetHead, async (string id, string? view, string? teamId, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (leagueId, theme, grouping, team) = (Id(id, "id"), WidgetTheme.From(http.Request.Query), View(view), OptionalId(teamId, "teamId"));
            var league = await sender.Send(new GetPublicLeague(leagueId), ct) ?? throw new NotFoundException("League", id);
            var games = await sender.Send(new ListPublicGames(leagueId, TeamId: team), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, [PublicCache.League(leagueId), .. games.Games.Where(g => g.Venue is not null).Select(g => PublicCache.Venue(g.Venue!.Id)).Distinct()]);
            return Html(ScheduleWidgets.League(http, league, games, grouping, theme), league.UpdatedAt > games.UpdatedAt ? league.UpdatedAt : games.UpdatedAt);
        }).WithName("EmbedLeagueSchedule");

        embed.MapMethods("/leagues/{id}/bracket", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (leagueId, theme) = (Id(id, "id"), WidgetTheme.From(http.Request.Query));
            var bracket = await sender.Send(new GetPublicBracket(leagueId), ct) ?? throw new NotFoundException("League", id);
            PublicCache.Tag(http, PublicCache.League(leagueId));
            return Html(BracketWidget.Render(http, bracket, theme), bracket.UpdatedAt);
        }).WithName("EmbedLeagueBracket");

        embed.MapMethods("/teams/{id}/schedule", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (teamId, theme) = (Id(id, "id"), WidgetTheme.From(http.Request.Query));
            var found = await sender.Send(new GetPublicTeamSchedule(teamId), ct);
            if (found.Lookup == PublicLookup.Gone)
            {
                return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The team was deleted.", detail: "Its games stay in the league's schedule under its name.");
            }

            var team = found.Team ?? throw new NotFoundException("Team", id);
            PublicCache.Tag(http, PublicCache.Team(teamId), PublicCache.League(team.League.Id));
            return Html(ScheduleWidgets.Team(http, team, theme), team.UpdatedAt);
        }).WithName("EmbedTeamSchedule");

        embed.MapMethods("/trivia/leagues/{id}/standings", GetHead, async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (leagueId, theme) = (Id(id, "id"), WidgetTheme.From(http.Request.Query));
            var standings = await sender.Send(new GetPublicTriviaStandings(leagueId), ct) ?? throw new NotFoundException("Trivia league", id);
            PublicCache.Tag(http, PublicCache.League(leagueId));
            return Html(StandingsWidgets.Trivia(http, standings, theme), standings.UpdatedAt);
        }).WithName("EmbedTriviaStandings");

        embed.MapMethods("/widget.js", GetHead, () => EmbedAssets.Loader).WithName("EmbedLoader");
        embed.MapMethods("/frame.js", GetHead, () => EmbedAssets.FrameScript).WithName("EmbedFrameScript");
        embed.MapMethods("/widget.css", GetHead, (HttpContext http) => EmbedAssets.Stylesheet(WidgetTheme.From(http.Request.Query))).WithName("EmbedStylesheet");

        return embed;
    }

    private static PublicResult Html(string html, DateTimeOffset updatedAt) => PublicResult.Text(html, "text/html; charset=utf-8", updatedAt);

    private static ScheduleView View(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "week" => ScheduleView.Week,
        "team" => ScheduleView.Team,
        _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("view", "view is 'week' or 'team'.")]),
    };
}
