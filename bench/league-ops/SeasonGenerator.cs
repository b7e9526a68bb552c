using MidwestSports.Leagues.Domain.Scheduling;

namespace LeagueOpsBench;

internal sealed record VenueSpec(Guid Id, string City, string Name, int Fields);

/// <summary>One venue on one weeknight: the leagues booked there and the field/start-time slots offered to them.</summary>
internal sealed class VenueNight(VenueSpec venue, DayOfWeek day)
{
    public VenueSpec Venue { get; } = venue;

    public DayOfWeek Day { get; } = day;

    /// <summary>Games per week the leagues booked here are expected to play here (a two-venue league's share).</summary>
    public int Load { get; set; }

    public List<LeagueSpec> Leagues { get; } = [];

    /// <summary>Per league booked here (same order as <see cref="Leagues"/>), the games a night it plays here.</summary>
    public List<int> Shares { get; } = [];

    /// <summary>The field numbers and start times offered here: each league its own block, the rest spare and shared.</summary>
    public List<(int Field, TimeOnly Start)> Grid { get; } = [];

    public int DurationMinutes { get; set; }

    public int Capacity => Grid.Count;

    public int StartTimes => Grid.Select(g => g.Start).Distinct().Count();
}

internal sealed class LeagueSpec(Guid id, string name, string city, IReadOnlyList<Guid> teams, int baseNights)
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public string City { get; } = city;

    public IReadOnlyList<Guid> Teams { get; } = teams;

    /// <summary>Usable nights of the briefed season (10 to 12).</summary>
    public int BaseNights { get; } = baseNights;

    public DayOfWeek Day { get; set; }

    public List<VenueNight> Venues { get; } = [];

    public List<SlotTemplate> Slots { get; } = [];

    public Dictionary<Guid, IReadOnlySet<DateOnly>> TeamBlackouts { get; } = [];

    /// <summary>Games per league night of a full round.</summary>
    public int Demand => Teams.Count / 2;

    /// <summary>Rounds of a single round robin.</summary>
    public int Rounds => Teams.Count % 2 == 0 ? Teams.Count - 1 : Teams.Count;
}

internal sealed record World(
    IReadOnlyList<string> Cities,
    IReadOnlyList<VenueSpec> Venues,
    IReadOnlyList<LeagueSpec> Leagues,
    IReadOnlyList<VenueNight> VenueNights,
    IReadOnlyList<OccupiedSlot> Occupied,
    int OverloadedVenueNights,
    SlotMode SlotMode);

/// <summary>Which of a venue-night's slots each league booked there lists (the venue-night's slots are the same in both).</summary>
internal enum SlotMode
{
    /// <summary>Each league its own block of fields/start times, plus the venue-night's spare slots, shared (default).</summary>
    Blocks,

    /// <summary>Every league at the venue-night lists all of its slots: who plays where is left to the scheduler.</summary>
    Shared,
}

/// <summary>
/// A deterministic rec-league season: 4 cities, 40 venues, 150 leagues, 2,500 teams, one weeknight per league, leagues
/// packed onto venues so several share a venue on a night while each venue-night keeps some spare slots (at least 10%
/// and at least one slot, as far as the venue's fields allow).
/// </summary>
internal static class SeasonGenerator
{
    public const int Seed = 20270405;
    public const int VenueCount = 40;
    public const int LeagueCount = 150;
    public const int TeamCount = 2500;
    public const int MinTeams = 8;
    public const int MaxTeams = 24;

    /// <summary>The offered slots keep at least this share of them (and at least one slot) spare.</summary>
    public const double MinSpare = 0.10;

    /// <summary>A league on two venues plays at least this many games a night at each.</summary>
    private const int MinShare = 2;

    public static readonly DateOnly SeasonStart = new(2027, 4, 5); // a Monday

    public static readonly IReadOnlyList<DayOfWeek> Weeknights = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    /// <summary>League-wide blackouts: Memorial Day week, Independence Day (observed Mon 2027-07-05), Labor Day.</summary>
    public static readonly IReadOnlySet<DateOnly> Holidays = new HashSet<DateOnly>
    {
        new(2027, 5, 31), new(2027, 6, 1), new(2027, 6, 2), new(2027, 6, 3),
        new(2027, 7, 5),
        new(2027, 9, 6),
    };

    private static readonly TimeOnly[] ThreeStarts = [new(18, 30), new(19, 30), new(20, 30)];
    private static readonly TimeOnly[] TwoStarts = [new(19, 0), new(20, 15)];

    /// <summary>Environment variable choosing the slot mode: <c>blocks</c> (default) or <c>shared</c>.</summary>
    public const string SlotModeVariable = "BENCH_SLOTS";

    /// <summary>The slot mode named by <see cref="SlotModeVariable"/>; unset or empty is <see cref="SlotMode.Blocks"/>.</summary>
    public static SlotMode SlotModeFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(SlotModeVariable)?.Trim();
        return value switch
        {
            null or "" => SlotMode.Blocks,
            _ when value.Equals("blocks", StringComparison.OrdinalIgnoreCase) => SlotMode.Blocks,
            _ when value.Equals("shared", StringComparison.OrdinalIgnoreCase) => SlotMode.Shared,
            _ => throw new ArgumentException($"{SlotModeVariable}={value}: expected \"blocks\" (default) or \"shared\"."),
        };
    }

    public static World Generate(SlotMode slotMode = SlotMode.Blocks)
    {
        var rng = new Random(Seed);
        string[] cities = ["Milwaukee", "Chicago", "Madison", "Minneapolis"];
        int[] venuesPerCity = [11, 13, 7, 9];

        var venues = new List<VenueSpec>(VenueCount);
        for (var c = 0; c < cities.Length; c++)
        {
            for (var v = 0; v < venuesPerCity[c]; v++)
            {
                // 2 to 4 fields, most venues 3 or 4.
                var roll = rng.NextDouble();
                var fields = roll < 0.25 ? 2 : roll < 0.65 ? 3 : 4;
                venues.Add(new VenueSpec(NextId(rng), cities[c], $"{cities[c]} Park {v + 1}", fields));
            }
        }

        // Team counts 8..24 summing to exactly 2,500.
        var counts = Enumerable.Range(0, LeagueCount).Select(_ => rng.Next(MinTeams, MaxTeams + 1)).ToArray();
        while (counts.Sum() != TeamCount)
        {
            var i = rng.Next(LeagueCount);
            if (counts.Sum() < TeamCount && counts[i] < MaxTeams)
            {
                counts[i]++;
            }
            else if (counts.Sum() > TeamCount && counts[i] > MinTeams)
            {
                counts[i]--;
            }
        }

        // Leagues per city in proportion to the city's fields (largest remainder), so every city is about as busy.
        var cityFields = cities.Select(city => venues.Where(v => v.City == city).Sum(v => v.Fields)).ToArray();
        var totalFields = cityFields.Sum();
        var quotas = cityFields.Select(f => (double)LeagueCount * f / totalFields).ToArray();
        var leaguesPerCity = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        foreach (var c in Enumerable.Range(0, cities.Length).OrderByDescending(c => quotas[c] - leaguesPerCity[c]).Take(LeagueCount - leaguesPerCity.Sum()))
        {
            leaguesPerCity[c]++;
        }

        var leagues = new List<LeagueSpec>(LeagueCount);
        var next = 0;
        for (var c = 0; c < cities.Length; c++)
        {
            for (var l = 0; l < leaguesPerCity[c]; l++, next++)
            {
                var teams = Enumerable.Range(0, counts[next]).Select(_ => NextId(rng)).ToList();
                leagues.Add(new LeagueSpec(NextId(rng), $"{cities[c]} league {l + 1}", cities[c], teams, rng.Next(10, 13)));
            }
        }

        var venueNights = new List<VenueNight>();
        var overloaded = 0;
        foreach (var city in cities)
        {
            var cityVenues = venues.Where(v => v.City == city).ToList();
            var byDay = Weeknights.ToDictionary(day => day, day => cityVenues.Select(v => new VenueNight(v, day)).ToList());

            // Biggest leagues first, each on the least busy weeknight that still has room for it (a league office
            // balances its nights); only when no night has room is a venue-night overloaded (reported as an anomaly).
            var dayLoad = Weeknights.ToDictionary(day => day, _ => 0);
            foreach (var league in leagues.Where(l => l.City == city).OrderByDescending(l => l.Demand).ThenBy(l => l.Id))
            {
                var order = Weeknights.OrderBy(day => dayLoad[day]).ThenBy(_ => rng.Next()).ToList();
                var day = order.FirstOrDefault(d => Pack(league, byDay[d], overload: false), order[0]);
                if (league.Venues.Count == 0)
                {
                    Pack(league, byDay[day], overload: true);
                    overloaded++;
                }

                league.Day = day;
                dayLoad[day] += league.Demand;
            }

            venueNights.AddRange(byDay.Values.SelectMany(nights => nights).Where(n => n.Leagues.Count > 0));
        }

        foreach (var night in venueNights)
        {
            Trim(night);
        }

        // Blocks: each league booked on a venue-night gets its own block of slots, field by field (a league sharing a park
        // plays on its own fields, or on a field the previous league leaves at a later start), and every league there also
        // lists the slots nobody owns: the venue-night's spare, shared for makeups.
        // Shared: every league booked on a venue-night lists the whole grid (same slots, same order), so the leagues there
        // compete for every slot; the grid itself (venues, fields, start times) is the same as in the blocks mode.
        foreach (var night in venueNights)
        {
            var byField = night.Grid.OrderBy(g => g.Field).ThenBy(g => g.Start).ToList();
            if (slotMode == SlotMode.Shared)
            {
                foreach (var league in night.Leagues)
                {
                    league.Slots.AddRange(byField.Select(g => new SlotTemplate(night.Venue.Id, $"Field {g.Field}", g.Start, night.DurationMinutes)));
                }

                continue;
            }

            var owned = night.Shares.Sum();
            var spareSlots = byField.Skip(owned).ToList();
            for (int i = 0, position = 0; i < night.Leagues.Count; position += night.Shares[i], i++)
            {
                var own = byField.Skip(position).Take(night.Shares[i]);
                night.Leagues[i].Slots.AddRange(own.Concat(spareSlots).Select(g => new SlotTemplate(night.Venue.Id, $"Field {g.Field}", g.Start, night.DurationMinutes)));
            }
        }

        // A few team blackouts: 60 teams miss one of their first 10 league nights, 12 of them a second one too.
        var allTeams = leagues.SelectMany(l => l.Teams.Select(t => (League: l, Team: t))).ToList();
        var blackedOut = allTeams.OrderBy(_ => rng.Next()).Take(60).ToList();
        for (var i = 0; i < blackedOut.Count; i++)
        {
            var (league, team) = blackedOut[i];
            var usable = UsableNights(league, 10);
            var dates = new HashSet<DateOnly> { usable[rng.Next(usable.Count)] };
            if (i < 12)
            {
                dates.Add(usable[rng.Next(usable.Count)]);
            }

            league.TeamBlackouts[team] = dates;
        }

        // A few fields already held by other bookings (a school game, maintenance) on league nights.
        var occupied = new List<OccupiedSlot>();
        for (var i = 0; i < 16; i++)
        {
            var night = venueNights[rng.Next(venueNights.Count)];
            var date = UsableNights(night.Leagues[0], 10)[rng.Next(10)];
            var (field, start) = night.Grid[rng.Next(night.Grid.Count)];
            occupied.Add(new OccupiedSlot(date, night.Venue.Id, $"Field {field}", start, night.DurationMinutes));
        }

        return new World(cities, venues, leagues, venueNights, occupied, overloaded, slotMode);
    }

    /// <summary>The league's first <paramref name="usable"/> non-blackout nights.</summary>
    public static List<DateOnly> UsableNights(LeagueSpec league, int usable) =>
        [.. AllNights(league, usable).Where(n => !Holidays.Contains(n))];

    /// <summary>Weekly nights from the season start, blackout dates included, until <paramref name="usable"/> of them are playable.</summary>
    public static List<DateOnly> AllNights(LeagueSpec league, int usable)
    {
        var first = SeasonStart.AddDays(((int)league.Day - (int)SeasonStart.DayOfWeek + 7) % 7);
        var nights = new List<DateOnly>();
        var playable = 0;
        for (var date = first; playable < usable; date = date.AddDays(7))
        {
            nights.Add(date);
            if (!Holidays.Contains(date))
            {
                playable++;
            }
        }

        return nights;
    }

    public static ScheduleInput Input(World world, RoundRobinFormat format, Func<LeagueSpec, int> usableNights)
    {
        // Leagues in id order, as a database would return them; the scheduler gives each night's round in this order.
        var leagues = world.Leagues
            .OrderBy(l => l.Id)
            .Select(l =>
            {
                var nights = AllNights(l, usableNights(l));
                return new SchedulingLeague(
                    l.Id,
                    l.Teams,
                    format,
                    nights,
                    nights.Where(Holidays.Contains).ToHashSet(),
                    l.TeamBlackouts,
                    l.Slots,
                    []);
            })
            .ToList();
        return new ScheduleInput(leagues, world.Occupied);
    }

    /// <summary>Books the league on a venue already in use that night, or fills one and plays the rest at a second, or takes a free venue; false when the night has no room.</summary>
    private static bool Pack(LeagueSpec league, List<VenueNight> nights, bool overload)
    {
        var g = league.Demand;
        // A venue-night takes leagues while its full grid (fields x 3 start times) keeps a slot spare.
        int Room(VenueNight n) => (n.Venue.Fields * ThreeStarts.Length) - 1 - n.Load;

        if (overload)
        {
            // The city's nights are all full: overload the two roomiest venues.
            var roomiest = nights.OrderByDescending(Room).ThenBy(n => n.Venue.Id).Take(2).ToList();
            Book(league, roomiest[0], g - (g / 2));
            Book(league, roomiest[1], g / 2);
            return false;
        }

        // 1. A venue already booked that night with room for the whole league (best fit).
        var open = nights.Where(n => n.Leagues.Count > 0).ToList();
        var single = open.Where(n => Room(n) >= g).OrderBy(n => Room(n) - g).ThenBy(n => n.Venue.Id).FirstOrDefault();
        if (single is not null)
        {
            Book(league, single, g);
            return true;
        }

        // 2. Fill what a booked venue has left (a third of the league or more) and play the rest at a second venue.
        var pairs = from a in open
                    where Room(a) >= Math.Max(MinShare, (g + 2) / 3)
                    from b in nights
                    where b != a && Room(b) >= Math.Max(MinShare, g - Room(a))
                    orderby b.Leagues.Count > 0 descending, Room(b) - (g - Room(a)), a.Venue.Id, b.Venue.Id
                    select (a, b);
        var (first, second) = pairs.FirstOrDefault();
        if (first is not null && second is not null)
        {
            var share = Math.Min(Room(first), g - MinShare);
            Book(league, first, share);
            Book(league, second, g - share);
            return true;
        }

        // 3. A venue nobody uses that night yet (best fit), else 4. any two venues with room between them.
        single = nights.Where(n => n.Leagues.Count == 0 && Room(n) >= g).OrderBy(n => Room(n) - g).ThenBy(n => n.Venue.Id).FirstOrDefault();
        if (single is not null)
        {
            Book(league, single, g);
            return true;
        }

        var pair = (from a in nights
                    from b in nights
                    where a.Venue.Id.CompareTo(b.Venue.Id) < 0 && Room(a) >= MinShare && Room(b) >= MinShare && Room(a) + Room(b) >= g
                    orderby Room(a) + Room(b) - g, a.Venue.Id, b.Venue.Id
                    select (a, b)).FirstOrDefault();
        if (pair.a is not null)
        {
            var share = Math.Min(Room(pair.a), g - MinShare);
            Book(league, pair.a, share);
            Book(league, pair.b, g - share);
            return true;
        }

        return false;
    }

    private static void Book(LeagueSpec league, VenueNight night, int games)
    {
        night.Load += games;
        night.Leagues.Add(league);
        night.Shares.Add(games);
        league.Venues.Add(night);
    }

    /// <summary>
    /// Offers the fewest slots that keep at least <see cref="MinSpare"/> of them (and at least one) spare, as far as
    /// the venue's fields allow, filled time-major over just
    /// enough fields for 3 start times (18:30/19:30/20:30, 60 minutes): e.g. 7 slots are 3 fields at 18:30 and 19:30 and
    /// one field at 20:30. Every fourth venue instead runs 2 longer games a night (19:00/20:15, 70 minutes).
    /// </summary>
    private static void Trim(VenueNight night)
    {
        var wanted = Math.Min(Math.Max(night.Load + 1, (int)Math.Ceiling(night.Load / (1 - MinSpare))), night.Venue.Fields * ThreeStarts.Length);
        var twoStarts = night.Venue.Fields * TwoStarts.Length >= wanted && (night.Venue.Id.GetHashCode() & 3) == 0 /* Guid hashes are stable */;
        var starts = twoStarts ? TwoStarts : ThreeStarts;
        var fields = Math.Min(night.Venue.Fields, (wanted + starts.Length - 1) / starts.Length);
        foreach (var start in starts)
        {
            for (var field = 1; field <= fields && night.Grid.Count < wanted; field++)
            {
                night.Grid.Add((field, start));
            }
        }

        night.DurationMinutes = twoStarts ? 70 : 60;
    }

    private static Guid NextId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
