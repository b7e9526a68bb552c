using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features;

/// <summary>An iCalendar feed of a league's or a team's games (public schedule data, like the public site shows).</summary>
internal sealed record GetCalendarFeed(Guid? LeagueId, Guid? TeamId) : IQuery<string?>;

/// <summary>
/// Feeds are public by design: a phone calendar subscribes without signing in, and a schedule is what the public site
/// shows anyway. Each game keeps its id as UID, so a moved game moves in the subscriber's calendar instead of doubling.
/// </summary>
internal sealed class GetCalendarFeedHandler(LeaguesDbContext db) : IQueryHandler<GetCalendarFeed, string?>
{
    public async ValueTask<string?> Handle(GetCalendarFeed query, CancellationToken cancellationToken)
    {
        var team = query.TeamId is { } teamId ? await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.TeamId == teamId && !t.Deleted, cancellationToken) : null;
        var leagueId = team?.LeagueId ?? query.LeagueId;
        var league = leagueId is { } id ? await db.Leagues.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken) : null;
        // A draft league is not public yet.
        if (league is null || league.Status == LeagueStatus.Draft || (query.TeamId is not null && team is null))
        {
            return null;
        }

        var city = await db.Cities.AsNoTracking().SingleAsync(c => c.Id == league.CityId, cancellationToken);
        var games = db.Games.AsNoTracking().Where(g => g.LeagueId == league.Id && g.Date != null && g.Start != null);
        if (team is not null)
        {
            games = games.Where(g => g.HomeTeamId == team.TeamId || g.AwayTeamId == team.TeamId);
        }

        var list = await games.OrderBy(g => g.Date).ThenBy(g => g.Start).ToListAsync(cancellationToken);
        var dtos = await GameRows.ToDtosAsync(db, list, cancellationToken);
        var venueIds = list.Where(g => g.VenueId is not null).Select(g => g.VenueId!.Value).Distinct().ToArray();
        var addresses = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Address, cancellationToken);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Midwest Sports//Schedules//EN" };
        calendar.AddTimeZone(city.TimeZone);
        calendar.AddProperty("X-WR-CALNAME", team is null ? $"{league.Name} ({city.Name})" : $"{team.Name} - {league.Name}");
        calendar.AddProperty("X-WR-TIMEZONE", city.TimeZone);
        foreach (var g in dtos)
        {
            var start = new CalDateTime(g.Date!.Value, g.Start!.Value, city.TimeZone);
            var result = g.HomeScore is { } h && g.AwayScore is { } a ? $" ({g.HomeTeamName} {h}, {g.AwayTeamName} {a})" : string.Empty;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{g.Id}@midwestsports",
                Summary = $"{g.AwayTeamName} at {g.HomeTeamName}{result}",
                Description = $"{league.Name}, {(g.Kind == GameKind.Playoff ? "playoffs " + g.BracketCode : "week " + g.Round)}",
                Location = g.VenueName is null ? null : $"{g.VenueName}, {g.Field}{(g.VenueId is { } v && addresses.TryGetValue(v, out var address) && address.Length > 0 ? ", " + address : string.Empty)}",
                DtStart = start,
                DtEnd = start.AddMinutes(g.DurationMinutes),
                // A moved game keeps its UID and raises SEQUENCE, so subscribed calendars update it in place.
                Sequence = (int)Math.Min(g.Version, int.MaxValue),
                Status = g.Status == GameStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }
}

internal static class CalendarFeeds
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/calendar").WithTags("Calendar feeds").AllowAnonymous();
        feeds.MapGet("/leagues/{id:guid}.ics", async (Guid id, ISender sender, CancellationToken ct) => Feed(await sender.Send(new GetCalendarFeed(id, null), ct)))
            .WithName("LeagueCalendar").WithDescription("iCalendar feed of a league's games; public, for phone calendar subscriptions.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapGet("/teams/{id:guid}.ics", async (Guid id, ISender sender, CancellationToken ct) => Feed(await sender.Send(new GetCalendarFeed(null, id), ct)))
            .WithName("TeamCalendar").WithDescription("iCalendar feed of one team's games; public, for phone calendar subscriptions.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Feed(string? ics) =>
        ics is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such calendar.") : Results.Text(ics, "text/calendar; charset=utf-8");
}
