namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>
/// Plans the round robin seasons of leagues that may share venues. All leagues walk the calendar together, night by
/// night, so a field one league takes is gone for the next; on each night every league's own round goes in first (in
/// the order of their slack: the league with the fewest spare slots that night first, ties in the order given), then
/// the games waiting for a makeup night take what is left.
/// </summary>
/// <remarks>
/// Round r goes on the league's r-th usable night (from NotBefore, blackouts skipped). A game whose team is blacked out
/// or already playing, or that finds no free slot, waits for the earliest later usable night that has both teams free and
/// a free slot, makeup nights after the last round included. Start times and fields rotate in two steps: each night's
/// games are matched to its slots at the lowest cost, a slot costing what the two teams already had of that start time
/// (then of that field); once the season is placed, games of one night trade slots while that evens the season out.
/// </remarks>
internal static class SeasonScheduler
{
    /// <summary>
    /// New games, byes and the games that found no night. Kept games are not repeated in the result: they stay as they
    /// are and only hold their fields and their teams' nights. Same input, same result.
    /// </summary>
    public static ScheduleResult Plan(ScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var fields = new FieldBook();
        foreach (var occupied in input.Occupied)
        {
            fields.Take(occupied.Date, occupied.VenueId, occupied.Field, occupied.Start, occupied.DurationMinutes);
        }

        var teamNights = new TeamNights();
        foreach (var kept in input.Leagues.SelectMany(league => league.Kept))
        {
            if (kept is { VenueId: { } venue, Field: { } field, Start: { } start })
            {
                fields.Take(kept.Date, venue, field, start, kept.DurationMinutes);
            }

            teamNights.Add(kept.HomeTeamId, kept.Date);
            teamNights.Add(kept.AwayTeamId, kept.Date);
        }

        var seasons = input.Leagues.Select(league => new LeagueSeason(league)).ToList();
        foreach (var night in seasons.SelectMany(season => season.Nights).Distinct().Order())
        {
            // Tightest first: a league with fields elsewhere leaves a shared venue's fields to the league that has no others.
            foreach (var season in seasons.Select((season, given) => (season, given, slack: season.Slack(night, fields)))
                         .OrderBy(s => s.slack).ThenBy(s => s.given).Select(s => s.season).ToList())
            {
                season.PlayRound(night, fields, teamNights);
            }

            foreach (var season in seasons)
            {
                season.PlayMakeups(night, fields, teamNights);
            }
        }

        foreach (var season in seasons)
        {
            season.EvenOutSlots();
        }

        var games = seasons
            .SelectMany(season => season.Games
                .OrderBy(game => game.Date)
                .ThenBy(game => game.Start)
                .ThenBy(game => game.VenueId)
                .ThenBy(game => game.Field, StringComparer.Ordinal))
            .ToList();
        var byes = seasons.SelectMany(season => season.Byes).ToList();
        var unplaced = seasons.SelectMany(season => season.Unplaced()).ToList();
        return new ScheduleResult(games, byes, unplaced);
    }
}
