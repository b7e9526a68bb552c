namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>
/// Keeps a league's start times and fields fair over the season: per team, how many games it has started at each of the
/// league's start times and played on each of its fields. A slot costs a game what its two teams already have of that
/// start time (and, far less, of that field), so the cheapest assignment of a night hands each start time to the teams
/// that have had it least. Counting per start time rather than "early vs late" works for any number of start times.
/// </summary>
internal sealed class SlotRotation
{
    // Start times outweigh fields: a field is only chosen among slots that are equally fair on time. Any field cost the
    // whole night could add up to stays far below one unit of this.
    private const long StartTimeWeight = 1L << 24;

    private readonly int[] startOfSlot;
    private readonly int[] fieldOfSlot;
    private readonly int startCount;
    private readonly int fieldCount;
    private readonly Dictionary<Guid, TeamTally> tallies = [];

    public SlotRotation(IReadOnlyList<SlotTemplate> slots)
    {
        var starts = slots.Select(s => s.Start).Distinct().Order().ToList();
        var fields = slots.Select(s => (s.VenueId, s.Field)).Distinct().ToList();
        startCount = starts.Count;
        fieldCount = fields.Count;
        startOfSlot = [.. slots.Select(s => starts.IndexOf(s.Start))];
        fieldOfSlot = [.. slots.Select(s => fields.IndexOf((s.VenueId, s.Field)))];
    }

    public int Postponements(Meeting meeting) => Tally(meeting.HomeTeamId).Postponements + Tally(meeting.AwayTeamId).Postponements;

    public void Postponed(Meeting meeting)
    {
        Tally(meeting.HomeTeamId).Postponements++;
        Tally(meeting.AwayTeamId).Postponements++;
    }

    public long Cost(Meeting meeting, int slot)
    {
        var home = Tally(meeting.HomeTeamId);
        var away = Tally(meeting.AwayTeamId);
        var start = startOfSlot[slot];
        var field = fieldOfSlot[slot];
        return (StartTimeWeight * (home.Starts[start] + away.Starts[start])) + home.Fields[field] + away.Fields[field];
    }

    /// <summary>The slot (index into the league's slots) each meeting should take; as many slots as meetings.</summary>
    public int[] Assign(IReadOnlyList<Meeting> meetings, IReadOnlyList<int> slots)
    {
        var cost = meetings.Select(meeting => slots.Select(slot => Cost(meeting, slot)).ToArray()).ToList();
        return [.. CheapestAssignment.Solve(cost).Select(column => slots[column])];
    }

    public void Played(Meeting meeting, int slot) => Count(meeting, slot, +1);

    /// <summary>
    /// How much swapping two games of one night between their slots would change the season's unevenness (the sum over
    /// teams of squared games per start time, start times weighted as above, plus the same per field); below zero is better.
    /// </summary>
    public long SwapChange(Meeting first, int firstSlot, Meeting second, int secondSlot) =>
        MoveChange(first, firstSlot, secondSlot) + MoveChange(second, secondSlot, firstSlot);

    public void Swapped(Meeting first, int firstSlot, Meeting second, int secondSlot)
    {
        Count(first, firstSlot, -1);
        Count(second, secondSlot, -1);
        Count(first, secondSlot, +1);
        Count(second, firstSlot, +1);
    }

    private long MoveChange(Meeting meeting, int from, int to)
    {
        // Moving one game of a team from count a to count b changes a² + b² by 2(b - a + 1); the two games share no team.
        static long Change(int[] counts, int from, int to) => from == to ? 0 : 2L * (counts[to] - counts[from] + 1);

        var change = 0L;
        foreach (var team in new[] { meeting.HomeTeamId, meeting.AwayTeamId })
        {
            var tally = Tally(team);
            change += (StartTimeWeight * Change(tally.Starts, startOfSlot[from], startOfSlot[to])) + Change(tally.Fields, fieldOfSlot[from], fieldOfSlot[to]);
        }

        return change;
    }

    private void Count(Meeting meeting, int slot, int by)
    {
        foreach (var team in new[] { meeting.HomeTeamId, meeting.AwayTeamId })
        {
            var tally = Tally(team);
            tally.Starts[startOfSlot[slot]] += by;
            tally.Fields[fieldOfSlot[slot]] += by;
        }
    }

    private TeamTally Tally(Guid team)
    {
        if (!tallies.TryGetValue(team, out var tally))
        {
            tally = new TeamTally(new int[startCount], new int[fieldCount]);
            tallies[team] = tally;
        }

        return tally;
    }

    private sealed class TeamTally(int[] starts, int[] fields)
    {
        public int[] Starts { get; } = starts;

        public int[] Fields { get; } = fields;

        public int Postponements { get; set; }
    }
}
