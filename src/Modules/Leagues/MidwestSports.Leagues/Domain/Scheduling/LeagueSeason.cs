namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>
/// One league's season while it is being placed night by night: its rounds, the games waiting for a makeup night, and
/// what it has placed so far. Fields and team nights are shared with the other leagues of the run.
/// </summary>
internal sealed class LeagueSeason
{
    private readonly SchedulingLeague league;
    private readonly IReadOnlyList<SlotTemplate> slots;
    private readonly int fieldCount;
    private readonly SlotRotation rotation;
    private readonly HashSet<DateOnly> usableNights;
    private readonly IReadOnlyList<SeasonRound> rounds;
    private readonly Dictionary<DateOnly, SeasonRound> roundOnNight;
    private readonly List<Postponed> postponed = [];
    private readonly List<Placement> placements = [];

    public LeagueSeason(SchedulingLeague league)
    {
        this.league = league;

        // Nights are documented ascending; sorting anyway keeps round order right if a caller slips.
        Nights = [.. league.Nights
            .Where(night => !league.Blackouts.Contains(night) && (league.NotBefore is not { } from || night >= from))
            .Distinct()
            .Order()];
        usableNights = [.. Nights];
        rounds = SeasonRounds.Build(league, [.. league.TeamIds.Distinct()], Nights);
        roundOnNight = rounds.Where(round => round.Night is not null).ToDictionary(round => round.Night!.Value);

        // Earliest start first, then as the league listed them: a night's games fill the early slots before the late ones.
        slots = [.. league.Slots.Distinct().Select((slot, listed) => (slot, listed)).OrderBy(s => s.slot.Start).ThenBy(s => s.listed).Select(s => s.slot)];
        fieldCount = slots.Select(slot => (slot.VenueId, slot.Field)).Distinct().Count();
        rotation = new SlotRotation(slots);
    }

    /// <summary>The nights new games may go on: league nights from NotBefore on, blackouts skipped.</summary>
    public IReadOnlyList<DateOnly> Nights { get; }

    public IEnumerable<PlannedGame> Games =>
        placements.Select(p =>
        {
            var slot = slots[p.Slot];
            return new PlannedGame(league.LeagueId, p.Meeting.Round, p.Night, slot.VenueId, slot.Field, slot.Start, slot.DurationMinutes, p.Meeting.HomeTeamId, p.Meeting.AwayTeamId);
        });

    public IEnumerable<PlannedBye> Byes =>
        rounds
            .Where(round => round.Night is not null)
            .SelectMany(round => round.Byes.Select(team => new PlannedBye(league.LeagueId, round.Number, round.Night!.Value, team)));

    /// <summary>
    /// Free slots the league has tonight beyond what its round needs: the league with the fewest goes first at a shared
    /// venue, so a league that can also play elsewhere does not take the only fields another league has.
    /// </summary>
    public int Slack(DateOnly night, FieldBook fields) =>
        roundOnNight.TryGetValue(night, out var round) ? slots.Count(slot => fields.IsFree(night, slot)) - round.Meetings.Count : int.MaxValue;

    /// <summary>Places the round whose night this is; a game that cannot go tonight waits for a makeup night.</summary>
    public void PlayRound(DateOnly night, FieldBook fields, TeamNights teamNights)
    {
        if (!roundOnNight.TryGetValue(night, out var round))
        {
            return;
        }

        var ready = new List<Meeting>(round.Meetings.Count);
        foreach (var meeting in round.Meetings)
        {
            var clash = TeamClash(meeting, night, teamNights);
            if (clash == MissCause.None)
            {
                ready.Add(meeting);
            }
            else
            {
                Postpone(meeting, night, clash);
            }
        }

        var open = TakeOpenSlots(night, ready.Count, fields);

        // Short of slots, the games whose teams have already waited most go first; OrderBy is stable, so round order breaks ties.
        var playing = open.Count < ready.Count ? [.. ready.OrderByDescending(rotation.Postponements).Take(open.Count)] : ready;
        foreach (var meeting in ready.Except(playing))
        {
            Postpone(meeting, night, MissCause.NoFreeSlot);
        }

        var assigned = rotation.Assign(playing, open);
        for (var i = 0; i < playing.Count; i++)
        {
            Place(playing[i], night, assigned[i], teamNights);
        }
    }

    /// <summary>Gives waiting games, oldest first, any slot left tonight once every league's own round is in.</summary>
    public void PlayMakeups(DateOnly night, FieldBook fields, TeamNights teamNights)
    {
        if (!usableNights.Contains(night))
        {
            return;
        }

        for (var i = 0; i < postponed.Count;)
        {
            var waiting = postponed[i];
            if (waiting.Misses[^1].Night >= night)
            {
                i++;
                continue;
            }

            var clash = TeamClash(waiting.Meeting, night, teamNights);
            var slot = clash == MissCause.None ? CheapestOpenSlot(waiting.Meeting, night, fields) : null;
            if (slot is not { } chosen)
            {
                waiting.Misses.Add(new Miss(night, clash == MissCause.None ? MissCause.NoFreeSlot : clash));
                i++;
                continue;
            }

            fields.Take(night, slots[chosen]);
            Place(waiting.Meeting, night, chosen, teamNights);
            postponed.RemoveAt(i);
        }
    }

    /// <summary>
    /// Evens out start times and fields over the whole season once every night is placed. Each night was filled knowing
    /// only the nights before it; now any two games of one night trade slots whenever that makes the season fairer. The
    /// slots stay booked by this league either way, so no field or team is disturbed, and each trade lowers a sum of
    /// squares, so the trading ends.
    /// </summary>
    public void EvenOutSlots()
    {
        var nights = placements
            .Select((placement, index) => (placement.Night, index))
            .GroupBy(p => p.Night, p => p.index)
            .Select(night => night.ToList())
            .ToList();
        bool traded;
        do
        {
            traded = false;
            foreach (var night in nights)
            {
                for (var i = 0; i < night.Count; i++)
                {
                    for (var j = i + 1; j < night.Count; j++)
                    {
                        var first = placements[night[i]];
                        var second = placements[night[j]];
                        if (rotation.SwapChange(first.Meeting, first.Slot, second.Meeting, second.Slot) < 0)
                        {
                            rotation.Swapped(first.Meeting, first.Slot, second.Meeting, second.Slot);
                            placements[night[i]] = first with { Slot = second.Slot };
                            placements[night[j]] = second with { Slot = first.Slot };
                            traded = true;
                        }
                    }
                }
            }
        }
        while (traded);
    }

    /// <summary>Every game that found no night, once each, in round order.</summary>
    public IEnumerable<UnplacedGame> Unplaced()
    {
        var waiting = postponed.Select(w => (w.Meeting, Reason: slots.Count == 0 ? UnplacedReason.NoSlotTemplates() : UnplacedReason.Explain(w.Meeting, w.Misses, fieldCount)));
        var nightless = rounds
            .Where(round => round.Night is null)
            .SelectMany(round => round.Meetings.Select(meeting => (Meeting: meeting, Reason: UnplacedReason.NoNightLeft(round.Number, Nights.Count, league.NotBefore))));
        return waiting
            .Concat(nightless)
            .OrderBy(u => u.Meeting.Round)
            .Select(u => new UnplacedGame(league.LeagueId, u.Meeting.Round, u.Meeting.HomeTeamId, u.Meeting.AwayTeamId, u.Reason));
    }

    private MissCause TeamClash(Meeting meeting, DateOnly night, TeamNights teamNights)
    {
        var cause = MissCause.None;
        if (IsBlackedOut(meeting.HomeTeamId, night))
        {
            cause |= MissCause.HomeTeamBlackout;
        }

        if (IsBlackedOut(meeting.AwayTeamId, night))
        {
            cause |= MissCause.AwayTeamBlackout;
        }

        if (teamNights.Plays(meeting.HomeTeamId, night))
        {
            cause |= MissCause.HomeTeamPlaying;
        }

        if (teamNights.Plays(meeting.AwayTeamId, night))
        {
            cause |= MissCause.AwayTeamPlaying;
        }

        return cause;
    }

    private bool IsBlackedOut(Guid team, DateOnly night) =>
        league.TeamBlackouts.TryGetValue(team, out var dates) && dates.Contains(night);

    /// <summary>Books the earliest free slots tonight, up to the number wanted; each booked one is checked against those before it.</summary>
    private List<int> TakeOpenSlots(DateOnly night, int wanted, FieldBook fields)
    {
        var open = new List<int>(wanted);
        for (var slot = 0; slot < slots.Count && open.Count < wanted; slot++)
        {
            if (fields.IsFree(night, slots[slot]))
            {
                fields.Take(night, slots[slot]);
                open.Add(slot);
            }
        }

        return open;
    }

    private int? CheapestOpenSlot(Meeting meeting, DateOnly night, FieldBook fields)
    {
        int? best = null;
        var bestCost = long.MaxValue;
        for (var slot = 0; slot < slots.Count; slot++)
        {
            if (!fields.IsFree(night, slots[slot]))
            {
                continue;
            }

            var cost = rotation.Cost(meeting, slot);
            if (cost < bestCost)
            {
                best = slot;
                bestCost = cost;
            }
        }

        return best;
    }

    private void Postpone(Meeting meeting, DateOnly night, MissCause cause)
    {
        rotation.Postponed(meeting);
        postponed.Add(new Postponed(meeting, [new Miss(night, cause)]));
    }

    private void Place(Meeting meeting, DateOnly night, int slot, TeamNights teamNights)
    {
        placements.Add(new Placement(meeting, night, slot));
        teamNights.Add(meeting.HomeTeamId, night);
        teamNights.Add(meeting.AwayTeamId, night);
        rotation.Played(meeting, slot);
    }

    private sealed record Placement(Meeting Meeting, DateOnly Night, int Slot);

    /// <summary>A game waiting for a makeup night, and every night it was turned away so far (its round night first).</summary>
    private sealed record Postponed(Meeting Meeting, List<Miss> Misses);
}
