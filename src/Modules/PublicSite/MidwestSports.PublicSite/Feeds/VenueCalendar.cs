using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Api;
using MidwestSports.PublicSite.Caching;
using MidwestSports.Shared.Errors;
using static MidwestSports.PublicSite.Api.PublicQueryRules;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>Every published league's games at one venue, as a calendar (for the venue's staff, and players who play there).</summary>
internal static class VenueCalendar
{
    public static void Map(RouteGroupBuilder feeds) =>
        feeds.MapFeed("/venues/{id}.ics", "VenueCalendar", "iCalendar feed of every published league's games at a venue, for phone calendar subscriptions.", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var venueId = Id(id, "id");
        var schedule = await sender.Send(new GetPublicVenueSchedule(venueId), ct) ?? throw new NotFoundException("Venue", id);
        var cityLeagues = await sender.Send(new ListPublicLeagues(schedule.City.Slug), ct);
        var names = cityLeagues?.Leagues.ToDictionary(l => l.Id, l => l.Name) ?? [];
        var playing = schedule.Games.Select(g => g.LeagueId).ToHashSet();
        var uids = new Dictionary<Guid, string>();
        foreach (var leagueId in playing)
        {
            if (!names.ContainsKey(leagueId) && await sender.Send(new GetPublicLeague(leagueId), ct) is { } other)
            {
                names[leagueId] = other.Name;
            }

            // A pair's second game of a week is told apart by the league's whole week, which may lie partly elsewhere.
            var leagueGames = await sender.Send(new ListPublicGames(leagueId), ct);
            foreach (var (gameId, uid) in GameUids.Of(leagueGames?.Games ?? []))
            {
                uids[gameId] = uid;
            }
        }

        // Tagged with every published league of the city: a league that starts playing here shows at once too.
        PublicCache.Tag(http, [PublicCache.Venue(venueId), .. names.Keys.Union(playing).Select(PublicCache.League)]);
        var ics = new GameCalendar($"{schedule.Venue.Name} ({schedule.City.Name})", schedule.TimeZone)
            .Add(schedule.Games, uids, l => names.GetValueOrDefault(l, string.Empty), _ => schedule.Venue.Address)
            .Serialize();
        // A league renamed changes the text too, though no game here changed.
        var leaguesChanged = cityLeagues?.Leagues.Where(l => playing.Contains(l.Id)).Select(l => l.UpdatedAt) ?? [];
        return PublicResult.Text(ics, CalendarFeeds.ContentType, leaguesChanged.Append(schedule.UpdatedAt).Max());
    }
}
