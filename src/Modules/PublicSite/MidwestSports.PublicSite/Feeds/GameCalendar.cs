using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>
/// One iCalendar feed of public games, in the city's time zone (with its VTIMEZONE). The text depends only on the data:
/// DTSTAMP is the game's last change, not the moment of the request, so the same schedule gives the same bytes and
/// the same ETag, and a calendar that asks again gets 304.
/// </summary>
internal sealed class GameCalendar
{
    private readonly Ical.Net.Calendar calendar = new() { ProductId = "-//Midwest Sports//Schedules//EN" };
    private readonly string timeZone;

    public GameCalendar(string name, string timeZone)
    {
        this.timeZone = timeZone;
        calendar.AddTimeZone(timeZone);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", timeZone);
    }

    /// <summary>Adds the games that have a date and a time (a playoff game waiting for its slot has none yet).</summary>
    /// <param name="uids">Each game's UID (<see cref="GameUids.Of"/>).</param>
    /// <param name="leagueName">The league of a game, by its id.</param>
    /// <param name="addressOf">A venue's street address, by its id; null or empty when unknown.</param>
    public GameCalendar Add(IEnumerable<PublicGame> games, IReadOnlyDictionary<Guid, string> uids, Func<Guid, string> leagueName, Func<Guid, string?> addressOf)
    {
        foreach (var game in games.Where(g => g.Start is not null && g.End is not null))
        {
            var changed = new CalDateTime(game.UpdatedAt.UtcDateTime, "UTC", hasTime: true);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = uids.TryGetValue(game.Id, out var uid) ? uid : $"{game.Id:N}@midwestsports",
                Summary = $"{game.Away.Name} at {game.Home.Name}{Result(game)}",
                Description = $"{leagueName(game.LeagueId)}, {(game.Kind == GameKind.Playoff ? "playoffs " + game.BracketCode : "week " + game.Week?.ToString(CultureInfo.InvariantCulture))}",
                Location = Location(game, addressOf),
                DtStart = Local(game.Start!.Value),
                DtEnd = Local(game.End!.Value),
                DtStamp = changed,
                LastModified = changed,
                // A moved, cancelled or regenerated game keeps its UID and raises SEQUENCE: calendars update it in place.
                Sequence = GameUids.Sequence(game.UpdatedAt),
                Status = game.Status == GameStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }

        return this;
    }

    public string Serialize() => new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;

    private CalDateTime Local(DateTimeOffset time) => new(DateOnly.FromDateTime(time.DateTime), TimeOnly.FromDateTime(time.DateTime), timeZone);

    private static string Result(PublicGame game) => game.HomeScore is { } home && game.AwayScore is { } away
        ? $" ({game.Home.Name} {home}, {game.Away.Name} {away}{(game.Status == GameStatus.Forfeit ? ", forfeit" : string.Empty)})"
        : string.Empty;

    private static string? Location(PublicGame game, Func<Guid, string?> addressOf)
    {
        if (game.Venue is not { } venue)
        {
            return null;
        }

        var parts = new[] { venue.Name, game.Field, addressOf(venue.Id) };
        return string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
