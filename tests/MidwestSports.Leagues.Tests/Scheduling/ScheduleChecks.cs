using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

/// <summary>
/// The rules every schedule must keep, each returning what breaks it (empty when kept), so a property can name the failure
/// and an example test can assert on it.
/// </summary>
internal static class ScheduleChecks
{
    /// <summary>
    /// Every pair of current teams meets as often as the format asks, kept games included (double: once each way); with
    /// <paramref name="countUnplaced"/>, a game reported unplaced counts as accounted for.
    /// </summary>
    public static IEnumerable<string> MeetingsMissingOrRepeated(ScheduleInput input, ScheduleResult result, bool countUnplaced = false)
    {
        foreach (var league in input.Leagues)
        {
            var met = league.Kept.Select(k => (k.HomeTeamId, k.AwayTeamId))
                .Concat(result.Games.Where(g => g.LeagueId == league.LeagueId).Select(g => (g.HomeTeamId, g.AwayTeamId)))
                .Concat(countUnplaced ? result.Unplaced.Where(u => u.LeagueId == league.LeagueId).Select(u => (u.HomeTeamId, u.AwayTeamId)) : [])
                .ToList();
            foreach (var (first, second) in Pairs(league.TeamIds))
            {
                if (league.Format == RoundRobinFormat.Single)
                {
                    var times = met.Count(m => (m.HomeTeamId == first && m.AwayTeamId == second) || (m.HomeTeamId == second && m.AwayTeamId == first));
                    if (times != 1)
                    {
                        yield return $"{first} and {second} meet {times} times in league {league.LeagueId}";
                    }
                }
                else
                {
                    foreach (var (home, away) in new[] { (first, second), (second, first) })
                    {
                        var times = met.Count(m => m.HomeTeamId == home && m.AwayTeamId == away);
                        if (times != 1)
                        {
                            yield return $"{home} hosts {away} {times} times in league {league.LeagueId}";
                        }
                    }
                }
            }
        }
    }

    public static IEnumerable<string> TeamsPlayingTwiceOnADate(ScheduleInput input, ScheduleResult result) =>
        input.Leagues.SelectMany(league => league.Kept.Select(k => (k.HomeTeamId, k.AwayTeamId, k.Date)))
            .Concat(result.Games.Select(g => (g.HomeTeamId, g.AwayTeamId, g.Date)))
            .SelectMany(g => new[] { (Team: g.HomeTeamId, g.Date), (Team: g.AwayTeamId, g.Date) })
            .GroupBy(x => x)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Team} plays {group.Count()} games on {group.Key.Date}");

    /// <summary>A planned game never overlaps another planned game, a kept game or an occupied slot on one field of one venue on one date.</summary>
    public static IEnumerable<string> FieldsDoubleBooked(ScheduleInput input, ScheduleResult result)
    {
        var bookings = input.Occupied.Select(o => (o.Date, o.VenueId, o.Field, o.Start, o.DurationMinutes, What: "occupied", Planned: false))
            .Concat(input.Leagues.SelectMany(l => l.Kept)
                .Where(k => k.VenueId is not null && k.Field is not null && k.Start is not null)
                .Select(k => (k.Date, VenueId: k.VenueId!.Value, Field: k.Field!, Start: k.Start!.Value, k.DurationMinutes, What: "kept", Planned: false)))
            .Concat(result.Games.Select(g => (g.Date, g.VenueId, g.Field, g.Start, g.DurationMinutes, What: $"round {g.Round} of {g.LeagueId}", Planned: true)));
        foreach (var field in bookings.GroupBy(b => (b.Date, b.VenueId, b.Field)))
        {
            var ordered = field.OrderBy(b => b.Start).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var end = ordered[i].Start.Ticks + (Math.Max(1, ordered[i].DurationMinutes) * TimeSpan.TicksPerMinute);
                for (var j = i + 1; j < ordered.Count && ordered[j].Start.Ticks < end; j++)
                {
                    // Input bookings may overlap each other; only the scheduler's own games must fit around everything.
                    if (!ordered[i].Planned && !ordered[j].Planned)
                    {
                        continue;
                    }

                    yield return $"{field.Key.Field} at {field.Key.VenueId} on {field.Key.Date}: {ordered[i].What} at {ordered[i].Start} overlaps {ordered[j].What} at {ordered[j].Start}";
                }
            }
        }
    }

    /// <summary>Per team over the season (kept games included): home and away differ by at most one, and not at all in a double round robin.</summary>
    public static IEnumerable<string> HomeAwayImbalances(ScheduleInput input, ScheduleResult result)
    {
        foreach (var league in input.Leagues)
        {
            var games = league.Kept.Select(k => (k.HomeTeamId, k.AwayTeamId))
                .Concat(result.Games.Where(g => g.LeagueId == league.LeagueId).Select(g => (g.HomeTeamId, g.AwayTeamId)))
                .ToList();
            var allowed = league.Format == RoundRobinFormat.Double ? 0 : 1;
            foreach (var team in league.TeamIds)
            {
                var home = games.Count(g => g.HomeTeamId == team);
                var away = games.Count(g => g.AwayTeamId == team);
                if (Math.Abs(home - away) > allowed)
                {
                    yield return $"{team} has {home} home and {away} away games";
                }
            }
        }
    }

    /// <summary>Games only on the league's own nights from NotBefore on, never on a league or team blackout.</summary>
    public static IEnumerable<string> GamesOnForbiddenDates(ScheduleInput input, ScheduleResult result)
    {
        foreach (var league in input.Leagues)
        {
            foreach (var game in result.Games.Where(g => g.LeagueId == league.LeagueId))
            {
                if (!league.Nights.Contains(game.Date))
                {
                    yield return $"round {game.Round} is on {game.Date}, not a league night";
                }

                if (league.Blackouts.Contains(game.Date))
                {
                    yield return $"round {game.Round} is on league blackout {game.Date}";
                }

                if (league.NotBefore is { } from && game.Date < from)
                {
                    yield return $"round {game.Round} is on {game.Date}, before {from}";
                }

                foreach (var team in new[] { game.HomeTeamId, game.AwayTeamId })
                {
                    if (league.TeamBlackouts.TryGetValue(team, out var dates) && dates.Contains(game.Date))
                    {
                        yield return $"{team} plays on its blackout {game.Date}";
                    }
                }
            }
        }
    }

    /// <summary>Consecutive home-home or away-away games per team, in date order.</summary>
    public static IReadOnlyDictionary<Guid, int> Breaks(IEnumerable<PlannedGame> games) =>
        games
            .SelectMany(g => new[] { (Team: g.HomeTeamId, g.Date, Home: true), (Team: g.AwayTeamId, g.Date, Home: false) })
            .GroupBy(x => x.Team)
            .ToDictionary(
                team => team.Key,
                team =>
                {
                    var sides = team.OrderBy(x => x.Date).Select(x => x.Home).ToList();
                    return sides.Zip(sides.Skip(1)).Count(pair => pair.First == pair.Second);
                });

    public static bool SameSchedule(ScheduleResult first, ScheduleResult second) =>
        first.Games.SequenceEqual(second.Games) && first.Byes.SequenceEqual(second.Byes) && first.Unplaced.SequenceEqual(second.Unplaced);

    private static IEnumerable<(Guid First, Guid Second)> Pairs(IReadOnlyList<Guid> teams)
    {
        for (var i = 0; i < teams.Count; i++)
        {
            for (var j = i + 1; j < teams.Count; j++)
            {
                yield return (teams[i], teams[j]);
            }
        }
    }
}
