using FsCheck;
using FsCheck.Fluent;
using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

/// <summary>A generated scheduling problem, printed as its summary when a property fails.</summary>
internal sealed class ScheduleCase(ScheduleInput input, string summary)
{
    public ScheduleInput Input { get; } = input;

    public override string ToString() => summary;
}

/// <summary>
/// FsCheck generator: one or two leagues of 3 to 20 teams (single or double round robin) sharing 1 to 4 venues of 1 to 3
/// fields, with occupied slots overlapping the league slots by half a slot, league blackouts and team blackouts. Start
/// times, nights and makeup nights are sized so a full schedule always fits; the generated numbers are the shrinkable
/// part, everything else follows from them.
/// </summary>
internal static class ScheduleCases
{
    private const int SlotMinutes = 30;
    private static readonly TimeOnly FirstStart = new(6, 0);

    public static Arbitrary<ScheduleCase> Cases() => Arb.From(Generate());

    /// <summary>
    /// A generated season planned once, then regenerated from a night part-way through: the games before it are kept
    /// (up to 4 in 10 off-schedule, without a field), and a team may have joined or left. The fields and nights still fit a
    /// fresh season, but not necessarily what the kept games leave, so games may end up unplaced.
    /// </summary>
    public static Arbitrary<ScheduleCase> Regenerations() =>
        Arb.From(
            from original in Generate()
            from cutPercent in Gen.Choose(0, 100)
            from change in Gen.Elements("no team change", "a team joined", "a team left")
            from offSchedule in Gen.Choose(0, 4)
            select Regenerate(original, cutPercent, change, offSchedule));

    private static Gen<ScheduleCase> Generate() =>
        from venues in Gen.Choose(1, 4)
        from fields in Gen.ArrayOf(Gen.Choose(1, 3), venues)
        from leagues in Gen.Choose(1, 2)
        from teams in Gen.ArrayOf(Gen.Choose(3, 20), leagues)
        from doubles in Gen.ArrayOf(Gen.Elements(false, true), leagues)
        from leagueBlackouts in Gen.ArrayOf(Gen.Choose(0, 2), leagues)
        from occupiedPerNight in Gen.Choose(0, 3)
        from teamBlackouts in Gen.Choose(0, 4)
        from picks in Gen.ArrayOf(Gen.Choose(0, 9_999), 64)
        select Build(fields, teams, doubles, leagueBlackouts, occupiedPerNight, teamBlackouts, picks);

    private static ScheduleCase Regenerate(ScheduleCase original, int cutPercent, string change, int offSchedule)
    {
        var planned = SeasonScheduler.Plan(original.Input);
        var leagues = original.Input.Leagues.Select((league, index) =>
        {
            var cut = league.Nights[cutPercent * (league.Nights.Count - 1) / 100];
            var kept = planned.Games
                .Where(g => g.LeagueId == league.LeagueId && g.Date < cut)
                .Select((g, i) => i % 10 < offSchedule
                    ? new KeptGame(g.HomeTeamId, g.AwayTeamId, g.Date, null, null, null, g.DurationMinutes)
                    : new KeptGame(g.HomeTeamId, g.AwayTeamId, g.Date, g.VenueId, g.Field, g.Start, g.DurationMinutes))
                .ToList();
            IReadOnlyList<Guid> teams = change switch
            {
                "a team joined" => [.. league.TeamIds, ScheduleTestData.Team(index, 50)],
                "a team left" => [.. league.TeamIds.Skip(1)],
                _ => league.TeamIds,
            };
            return league with { TeamIds = teams, Kept = kept, NotBefore = cut };
        });
        return new ScheduleCase(original.Input with { Leagues = [.. leagues] }, $"{original}; regenerated from {cutPercent}% of the nights, {change}");
    }

    private static ScheduleCase Build(int[] fieldsPerVenue, int[] teams, bool[] doubles, int[] leagueBlackouts, int occupiedPerNight, int teamBlackouts, int[] picks)
    {
        var pick = 0;
        int Next(int below) => picks[pick++ % picks.Length] % below;

        var fields = fieldsPerVenue
            .SelectMany((count, venue) => Enumerable.Range(1, count).Select(field => (Venue: ScheduleTestData.Venue(venue), Field: $"Field {field}")))
            .ToList();

        // Each occupied slot sits across two league slots; one spare row of start times besides.
        var gamesPerNight = teams.Sum(count => count / 2);
        var startTimes = ((gamesPerNight + (2 * occupiedPerNight) + fields.Count - 1) / fields.Count) + 1;
        var slots = Enumerable.Range(0, startTimes)
            .SelectMany(time => fields.Select(f => new SlotTemplate(f.Venue, f.Field, FirstStart.AddMinutes(time * SlotMinutes), SlotMinutes)))
            .ToList();

        var rounds = teams.Select((count, league) => (count % 2 == 0 ? count - 1 : count) * (doubles[league] ? 2 : 1)).ToArray();
        var regularNights = rounds.Select((count, league) => count + leagueBlackouts[league]).ToArray();

        // Team blackouts fall on regular nights only, and each can push at most one game, so this many makeup nights suffice.
        var nights = ScheduleTestData.Weekly(regularNights.Max() + teamBlackouts + 1);

        var occupied = nights
            .SelectMany(night => Enumerable.Range(0, occupiedPerNight).Select(_ =>
            {
                var (venue, field) = fields[Next(fields.Count)];
                var start = FirstStart.AddMinutes((Next(startTimes - 1) * SlotMinutes) + (SlotMinutes / 2));
                return new OccupiedSlot(night, venue, field, start, SlotMinutes);
            }))
            .ToList();

        var teamBlackoutDates = teams.Select(_ => new Dictionary<Guid, HashSet<DateOnly>>()).ToArray();
        for (var i = 0; i < teamBlackouts; i++)
        {
            var league = Next(teams.Length);
            var team = ScheduleTestData.Team(league, Next(teams[league]));
            var night = nights[Next(regularNights[league])];
            if (!teamBlackoutDates[league].TryGetValue(team, out var dates))
            {
                dates = [];
                teamBlackoutDates[league][team] = dates;
            }

            dates.Add(night);
        }

        var schedulingLeagues = teams
            .Select((count, league) => ScheduleTestData.League(
                league,
                count,
                nights,
                slots,
                doubles[league] ? RoundRobinFormat.Double : RoundRobinFormat.Single,
                blackouts: Enumerable.Range(0, leagueBlackouts[league]).Select(_ => nights[Next(regularNights[league])]).ToHashSet(),
                teamBlackouts: teamBlackoutDates[league].ToDictionary(entry => entry.Key, entry => (IReadOnlySet<DateOnly>)entry.Value)))
            .ToList();

        var summary = $"{string.Join(" + ", teams.Select((count, league) => $"{count} teams {(doubles[league] ? "double" : "single")} ({leagueBlackouts[league]} league blackouts)"))}; "
            + $"{fieldsPerVenue.Length} venues, {fields.Count} fields, {startTimes} start times; {occupiedPerNight} occupied a night; {teamBlackouts} team blackouts; picks {string.Join(",", picks.Take(8))}...";
        return new ScheduleCase(new ScheduleInput(schedulingLeagues, occupied), summary);
    }
}
