using MidwestSports.Leagues.Domain.Scheduling;
using static MidwestSports.Leagues.Tests.Scheduling.ScheduleTestData;

namespace MidwestSports.Leagues.Tests.Scheduling;

[TestFixture]
public sealed class SeasonSchedulerTests
{
    private static readonly Guid MainVenue = Venue(1);

    private static readonly object[] TeamCountsAndMeetings =
    [
        .. Enumerable.Range(3, 18).SelectMany(n => new object[] { new object[] { n, 1 }, new object[] { n, 2 } }),
    ];

    private static DateOnly Night(int index) => FirstNight.AddDays(7 * index);

    [TestCase(5, 1)]
    [TestCase(7, 2)]
    public void Plan_OddTeamCount_OneByePerRoundAndEachTeamOncePerCycle(int teams, int meetings)
    {
        var format = (RoundRobinFormat)meetings;
        var league = League(1, teams, Weekly(2 * teams), Slots(MainVenue, 2, "18:00", "19:00"), format);

        var result = SeasonScheduler.Plan(Input(league));

        var cycles = result.Byes.Chunk(teams).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Byes.GroupBy(b => b.Round).Select(round => round.Count()), Has.All.EqualTo(1));
            Assert.That(result.Byes, Has.Count.EqualTo(teams * (int)format));
            Assert.That(cycles.Select(cycle => cycle.Select(b => b.TeamId)), Has.All.EquivalentTo(league.TeamIds));
            Assert.That(result.Byes.Where(b => result.Games.Any(g => g.Date == b.Date && (g.HomeTeamId == b.TeamId || g.AwayTeamId == b.TeamId))), Is.Empty);
        });
    }

    [Test]
    public void Plan_TwoLeaguesSharingOneVenueOnSameNights_NoFieldClashAndEveryGamePlaced()
    {
        // 3 + 4 games a night into the same 8 slots: the second league gets what the first leaves.
        var slots = Slots(MainVenue, 2, "18:00", "19:00", "20:00", "21:00");
        var input = Input(League(1, 6, Weekly(7), slots), League(2, 8, Weekly(7), slots));

        var result = SeasonScheduler.Plan(input);

        Assert.Multiple(() =>
        {
            Assert.That(ScheduleChecks.FieldsDoubleBooked(input, result), Is.Empty);
            Assert.That(ScheduleChecks.MeetingsMissingOrRepeated(input, result), Is.Empty);
            Assert.That(result.Unplaced, Is.Empty);
            Assert.That(result.Games.Where(g => g.LeagueId == League(2)).Select(g => g.Date).Distinct().Count(), Is.EqualTo(7));
        });
    }

    [Test]
    public void Plan_ALeagueWithAnotherVenueListedFirst_LeavesTheSharedVenueToTheLeagueThatHasNoOther()
    {
        // League 1 may play at the shared venue or at its own; league 2 only at the shared one. Both need 4 fields a night.
        var shared = Slots(MainVenue, 4, "19:00");
        var elsewhere = Slots(Venue(9), 4, "19:00");
        var input = Input(League(1, 8, Weekly(7), [.. shared, .. elsewhere]), League(2, 8, Weekly(7), shared));

        var result = SeasonScheduler.Plan(input);

        Assert.Multiple(() =>
        {
            Assert.That(result.Unplaced, Is.Empty, "every game of both leagues fits: 8 fields for 8 games a night");
            Assert.That(result.Games.Where(g => g.LeagueId == League(1)).Select(g => g.VenueId), Has.All.EqualTo(Venue(9)));
            Assert.That(ScheduleChecks.FieldsDoubleBooked(input, result), Is.Empty);
        });
    }

    [Test]
    public void Plan_OccupiedSlotAcrossTwoLeagueSlots_NeitherIsUsed()
    {
        var occupied = new OccupiedSlot(Night(0), MainVenue, "Field 1", new TimeOnly(18, 30), 60);
        var input = new ScheduleInput([League(1, 4, Weekly(3), Slots(MainVenue, 2, "18:00", "19:00"))], [occupied]);

        var result = SeasonScheduler.Plan(input);

        Assert.Multiple(() =>
        {
            Assert.That(result.Games.Where(g => g.Date == Night(0)).Select(g => g.Field), Has.All.EqualTo("Field 2"));
            Assert.That(ScheduleChecks.FieldsDoubleBooked(input, result), Is.Empty);
        });
    }

    [Test]
    public void Plan_MoreGamesThanSlots_EachUnplacedGameReportedOnceWithReason()
    {
        // 15 meetings, one slot a night, six nights: six games fit.
        var league = League(1, 6, Weekly(6), Slots(MainVenue, 1, "18:00"));

        var result = SeasonScheduler.Plan(Input(league));

        var placed = result.Games.Select(g => (g.HomeTeamId, g.AwayTeamId)).ToList();
        var unplaced = result.Unplaced.Select(u => (u.HomeTeamId, u.AwayTeamId)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(placed, Has.Count.EqualTo(6));
            Assert.That(placed.Concat(unplaced), Is.Unique);
            Assert.That(placed.Count + unplaced.Count, Is.EqualTo(15));
            Assert.That(result.Games.Select(g => g.Date), Is.Unique);
            Assert.That(result.Unplaced.Select(u => u.Reason), Has.All.StartsWith("No free slot on "));
            Assert.That(result.Unplaced.Select(u => u.Reason), Has.All.Contain("the league's only field is taken"));
        });
    }

    [Test]
    public void Plan_OneSlotANight_GamesThatMissTheirRoundNightGoToMakeupNightsAfterTheLastRound()
    {
        // Two games a round, one slot a night: rounds 1-3 each place one game, the three that wait fill nights 4-6.
        var league = League(1, 4, Weekly(6), Slots(MainVenue, 1, "18:00"));

        var result = SeasonScheduler.Plan(Input(league));

        Assert.Multiple(() =>
        {
            Assert.That(result.Unplaced, Is.Empty);
            Assert.That(result.Games.Select(g => g.Date), Is.EqualTo(Weekly(6)));
            Assert.That(result.Games.Take(3).Select(g => g.Round), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(result.Games.Skip(3).Select(g => g.Round), Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void Plan_MoreRoundsThanNights_LaterRoundsUnplacedForLackOfNights()
    {
        var league = League(1, 6, Weekly(3), Slots(MainVenue, 3, "18:00"));

        var result = SeasonScheduler.Plan(Input(league));

        Assert.Multiple(() =>
        {
            Assert.That(result.Games.Select(g => g.Round).Distinct(), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(result.Unplaced.Select(u => u.Round), Is.EqualTo(new[] { 4, 4, 4, 5, 5, 5 }));
            Assert.That(result.Unplaced[0].Reason, Is.EqualTo("No league night left for round 4: the league has only 3 usable nights once its blackouts are skipped."));
        });
    }

    [Test]
    public void Plan_NoSlotTemplates_EveryGameUnplacedSayingSo()
    {
        var league = League(1, 4, Weekly(4), []);

        var result = SeasonScheduler.Plan(Input(league));

        Assert.Multiple(() =>
        {
            Assert.That(result.Games, Is.Empty);
            Assert.That(result.Unplaced, Has.Count.EqualTo(6));
            Assert.That(result.Unplaced.Select(u => u.Reason), Has.All.StartsWith("The league has no fields or start times"));
        });
    }

    [Test]
    public void Plan_LeagueBlackoutAndNotBefore_RoundsOnTheRemainingNightsInOrder()
    {
        var league = League(1, 4, Weekly(6), Slots(MainVenue, 2, "18:00"), blackouts: new HashSet<DateOnly> { Night(2) }, notBefore: Night(1));

        var result = SeasonScheduler.Plan(Input(league));

        var nightOfRound = result.Games.GroupBy(g => g.Round).ToDictionary(round => round.Key, round => round.Select(g => g.Date).Distinct().Single());
        Assert.That(nightOfRound, Is.EqualTo(new Dictionary<int, DateOnly> { [1] = Night(1), [2] = Night(3), [3] = Night(4) }));
    }

    [Test]
    public void Plan_TeamBlackoutOnRoundNight_GameMovesToMakeupNightKeepingItsRound()
    {
        var blackedOut = Team(1, 0);
        var league = League(1, 4, Weekly(4), Slots(MainVenue, 2, "18:00"), teamBlackouts: new Dictionary<Guid, IReadOnlySet<DateOnly>> { [blackedOut] = new HashSet<DateOnly> { Night(0) } });

        var result = SeasonScheduler.Plan(Input(league));

        var moved = result.Games.Single(g => g.Round == 1 && (g.HomeTeamId == blackedOut || g.AwayTeamId == blackedOut));
        Assert.Multiple(() =>
        {
            Assert.That(moved.Date, Is.EqualTo(Night(3)));
            Assert.That(result.Games.Where(g => g.Round == 1 && g != moved).Select(g => g.Date), Is.EqualTo(new[] { Night(0) }));
            Assert.That(result.Unplaced, Is.Empty);
        });
    }

    [Test]
    public void Plan_TeamBlackoutAndNoLaterNightFree_UnplacedNamingTheBlackout()
    {
        var blackedOut = Team(1, 0);
        var league = League(1, 4, Weekly(3), Slots(MainVenue, 2, "18:00"), teamBlackouts: new Dictionary<Guid, IReadOnlySet<DateOnly>> { [blackedOut] = new HashSet<DateOnly> { Night(0) } });

        var result = SeasonScheduler.Plan(Input(league));

        var unplaced = result.Unplaced.Single();
        var side = unplaced.HomeTeamId == blackedOut ? "home" : "away";
        Assert.Multiple(() =>
        {
            Assert.That(unplaced.Round, Is.EqualTo(1));
            Assert.That(unplaced.Reason, Does.StartWith($"Team blackout: the {side} team {blackedOut} cannot play on 2026-09-01, and no later night is free ("));
            Assert.That(unplaced.Reason, Does.EndWith("(both teams already play on 2026-09-08, 2026-09-15)."));
        });
    }

    [Test]
    public void Plan_Regeneration_KeepsKeptGamesAndPlacesOnlyRemainingMeetingsFromNotBefore()
    {
        var slots = Slots(MainVenue, 3, "18:00");
        var original = SeasonScheduler.Plan(Input(League(1, 6, Weekly(6), slots)));
        var kept = original.Games.Where(g => g.Round <= 2).Select(AsKept).ToList();
        var league = League(1, 6, Weekly(6), slots, kept: kept, notBefore: Night(2));

        var result = SeasonScheduler.Plan(Input(league));

        var input = Input(league);
        Assert.Multiple(() =>
        {
            Assert.That(result.Games, Has.Count.EqualTo(9));
            Assert.That(result.Games.Select(g => g.Date), Has.All.GreaterThanOrEqualTo(Night(2)));
            Assert.That(ScheduleChecks.MeetingsMissingOrRepeated(input, result), Is.Empty);
            Assert.That(ScheduleChecks.FieldsDoubleBooked(input, result), Is.Empty);
            Assert.That(ScheduleChecks.TeamsPlayingTwiceOnADate(input, result), Is.Empty);

            // Nothing changed but the calendar, so the season carries on as first planned, rounds 3 to 5.
            Assert.That(
                result.Games.Select(g => (g.Round, g.Date, g.HomeTeamId, g.AwayTeamId)),
                Is.EquivalentTo(original.Games.Where(g => g.Round > 2).Select(g => (g.Round, g.Date, g.HomeTeamId, g.AwayTeamId))));
        });
    }

    [Test]
    public void Plan_RegenerationWithAnAddedTeam_EveryPairMeetsOnceWithHomeAndAwayBalanced()
    {
        var slots = Slots(MainVenue, 3, "18:00");
        var original = SeasonScheduler.Plan(Input(League(1, 6, Weekly(9), slots)));
        var kept = original.Games.Where(g => g.Round <= 2).Select(AsKept).ToList();
        var league = League(1, 7, Weekly(9), slots, kept: kept, notBefore: Night(2));

        var result = SeasonScheduler.Plan(Input(league));

        var input = Input(league);
        Assert.Multiple(() =>
        {
            Assert.That(result.Unplaced, Is.Empty);
            Assert.That(result.Games.Select(g => g.Round).Min(), Is.EqualTo(3));
            Assert.That(ScheduleChecks.MeetingsMissingOrRepeated(input, result), Is.Empty);
            Assert.That(ScheduleChecks.HomeAwayImbalances(input, result), Is.Empty);
            Assert.That(ScheduleChecks.TeamsPlayingTwiceOnADate(input, result), Is.Empty);
        });
    }

    [Test]
    public void Plan_DoubleRegenerationWithOneMeetingKept_PlacesOnlyTheReturnMeeting()
    {
        var (home, away) = (Team(1, 0), Team(1, 1));
        var kept = new KeptGame(home, away, Night(0), MainVenue, "Field 1", new TimeOnly(18, 0), 60);
        var league = League(1, 4, Weekly(8), Slots(MainVenue, 2, "18:00"), RoundRobinFormat.Double, kept: [kept], notBefore: Night(1));

        var result = SeasonScheduler.Plan(Input(league));

        Assert.Multiple(() =>
        {
            Assert.That(result.Games.Count(g => g.HomeTeamId == home && g.AwayTeamId == away), Is.Zero);
            Assert.That(result.Games.Count(g => g.HomeTeamId == away && g.AwayTeamId == home), Is.EqualTo(1));
            Assert.That(result.Games, Has.Count.EqualTo(11));
            Assert.That(result.Games.Select(g => g.Round).Min(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Plan_KeptGameOfATeamThatLeft_StillHoldsItsFieldAndItsTeamsNight()
    {
        var stays = Team(1, 0);
        var kept = new KeptGame(stays, Team(1, 99), Night(0), MainVenue, "Field 1", new TimeOnly(18, 0), 60);
        var league = League(1, 4, Weekly(5), Slots(MainVenue, 2, "18:00"), kept: [kept]);

        var result = SeasonScheduler.Plan(Input(league));

        var input = Input(league);
        Assert.Multiple(() =>
        {
            Assert.That(result.Games.Where(g => g.Date == Night(0)).Select(g => g.Field), Has.None.EqualTo("Field 1"));
            Assert.That(result.Games.Where(g => g.Date == Night(0)).Select(g => g.HomeTeamId).Concat(result.Games.Where(g => g.Date == Night(0)).Select(g => g.AwayTeamId)), Has.None.EqualTo(stays));
            Assert.That(ScheduleChecks.MeetingsMissingOrRepeated(input, result), Is.Empty);
        });
    }

    [TestCase(4)]
    [TestCase(8)]
    [TestCase(12)]
    [TestCase(20)]
    public void Plan_EvenTeamCountSingle_BreaksSumToTeamCountMinusTwo(int teams)
    {
        var league = League(1, teams, Weekly(teams), Slots(MainVenue, teams / 2, "18:00"));

        var result = SeasonScheduler.Plan(Input(league));

        Assert.That(ScheduleChecks.Breaks(result.Games).Values.Sum(), Is.EqualTo(teams - 2));
    }

    [Test]
    public void Plan_EightTeamsTwoStartTimes_EarlyGamesPerTeamDifferByAtMostOne()
    {
        var league = League(1, 8, Weekly(7), Slots(MainVenue, 2, "18:00", "19:00"));

        var result = SeasonScheduler.Plan(Input(league));

        var early = league.TeamIds.Select(team => result.Games.Count(g => g.Start == new TimeOnly(18, 0) && (g.HomeTeamId == team || g.AwayTeamId == team))).ToList();
        Assert.That(early.Max() - early.Min(), Is.LessThanOrEqualTo(1));
    }

    [TestCaseSource(nameof(TeamCountsAndMeetings))]
    public void Plan_TwoFieldsThreeStartTimes_EachStartTimeAndFieldSpreadWithinTwoGames(int teams, int meetings)
    {
        var format = (RoundRobinFormat)meetings;
        var fields = Math.Max(2, (teams / 2 + 2) / 3);
        var league = League(1, teams, Weekly(2 * teams), Slots(MainVenue, fields, "18:00", "19:00", "20:00"), format);

        var result = SeasonScheduler.Plan(Input(league));

        Assert.Multiple(() =>
        {
            Assert.That(Spread(league.TeamIds, result.Games, g => g.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), Is.LessThanOrEqualTo(2));
            Assert.That(Spread(league.TeamIds, result.Games, g => g.Field), Is.LessThanOrEqualTo(2));
        });
    }

    [Test]
    public void Plan_SameInputTwice_SameSchedule()
    {
        var slots = Slots(MainVenue, 2, "18:00", "19:00");
        var input = Input(League(1, 9, Weekly(12), slots), League(2, 6, Weekly(12), slots, RoundRobinFormat.Double));

        var first = SeasonScheduler.Plan(input);
        var second = SeasonScheduler.Plan(input);

        Assert.That(ScheduleChecks.SameSchedule(first, second), Is.True);
    }

    private static KeptGame AsKept(PlannedGame game) =>
        new(game.HomeTeamId, game.AwayTeamId, game.Date, game.VenueId, game.Field, game.Start, game.DurationMinutes);

    /// <summary>Most minus fewest games any team has at one value of <paramref name="key"/> (a start time, a field), worst value.</summary>
    private static int Spread(IReadOnlyList<Guid> teams, IReadOnlyList<PlannedGame> games, Func<PlannedGame, string> key) =>
        games.Select(key).Distinct().Max(value =>
        {
            var counts = teams.Select(team => games.Count(g => key(g) == value && (g.HomeTeamId == team || g.AwayTeamId == team))).ToList();
            return counts.Max() - counts.Min();
        });
}
