using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>
/// <c>/calendar</c>: iCalendar feeds of published leagues, teams and venues. They follow the public API's rules (what is
/// not published is 404, a deleted team 410, a malformed id 400) and its caching (ETag, 304, output cache evicted by
/// tag), since a phone calendar polls them all day long. The <c>.ics</c> names stay: calendars are subscribed to them.
/// </summary>
internal static class CalendarFeeds
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/calendar").WithTags("Calendar feeds");
        LeagueCalendar.Map(feeds);
        TeamCalendar.Map(feeds);
        VenueCalendar.Map(feeds);
        return feeds;
    }

    /// <summary>Maps one feed (GET and HEAD) with what every feed answers, for the API document.</summary>
    public static RouteHandlerBuilder MapFeed(this RouteGroupBuilder feeds, string pattern, string name, string summary, Delegate handler) =>
        feeds.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler)
            .WithName(name)
            .WithSummary(summary)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
