using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Api;
using MidwestSports.PublicSite.Caching;
using MidwestSports.Shared.Errors;
using static MidwestSports.PublicSite.Api.PublicQueryRules;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>A published league's games as a calendar a phone subscribes to; 404 for a draft, archived or hidden league.</summary>
internal static class LeagueCalendar
{
    public static void Map(RouteGroupBuilder feeds) =>
        feeds.MapFeed("/leagues/{id}.ics", "LeagueCalendar", "iCalendar feed of a published league's games, for phone calendar subscriptions.", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var leagueId = Id(id, "id");
        var league = await sender.Send(new GetPublicLeague(leagueId), ct) ?? throw new NotFoundException("League", id);
        var games = await sender.Send(new ListPublicGames(leagueId), ct) ?? throw new NotFoundException("League", id);
        var addresses = league.Venues.ToDictionary(v => v.Id, v => v.Address);
        PublicCache.Tag(http, [PublicCache.League(leagueId), .. league.Venues.Select(v => PublicCache.Venue(v.Id))]);
        var ics = new GameCalendar($"{league.Name} ({league.City.Name})", league.TimeZone)
            .Add(games.Games, GameUids.Of(games.Games), _ => league.Name, v => addresses.GetValueOrDefault(v))
            .Serialize();
        return PublicResult.Text(ics, CalendarFeeds.ContentType, Max(league.UpdatedAt, games.UpdatedAt));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
