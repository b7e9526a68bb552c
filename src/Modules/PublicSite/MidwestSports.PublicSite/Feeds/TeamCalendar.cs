using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Api;
using MidwestSports.PublicSite.Caching;
using MidwestSports.Shared.Errors;
using static MidwestSports.PublicSite.Api.PublicQueryRules;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>One team's games as a calendar; 404 when its league is not published, 410 once the team is deleted.</summary>
internal static class TeamCalendar
{
    public static void Map(RouteGroupBuilder feeds) =>
        feeds.MapFeed("/teams/{id}.ics", "TeamCalendar", "iCalendar feed of one team's games (a team of a published league), for phone calendar subscriptions.", HandleAsync)
            .ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var teamId = Id(id, "id");
        var found = await sender.Send(new GetPublicTeamSchedule(teamId), ct);
        if (found.Lookup == PublicLookup.Gone)
        {
            // A subscribed calendar stops asking once told the feed is gone for good.
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "The team was deleted.", detail: "Subscribe to its league's calendar instead.");
        }

        var team = found.Team ?? throw new NotFoundException("Team", id);
        var league = await sender.Send(new GetPublicLeague(team.League.Id), ct) ?? throw new NotFoundException("Team", id);
        var addresses = league.Venues.ToDictionary(v => v.Id, v => v.Address);
        PublicCache.Tag(http, [PublicCache.Team(teamId), PublicCache.League(team.League.Id), .. league.Venues.Select(v => PublicCache.Venue(v.Id))]);
        // Every game of the team's pairs is here, so the UIDs are those of the league's feed.
        var ics = new GameCalendar($"{team.Name} - {team.League.Name}", team.TimeZone)
            .Add(team.Games, GameUids.Of(team.Games), _ => team.League.Name, v => addresses.GetValueOrDefault(v))
            .Serialize();
        return PublicResult.Text(ics, CalendarFeeds.ContentType, team.UpdatedAt > league.UpdatedAt ? team.UpdatedAt : league.UpdatedAt);
    }
}
