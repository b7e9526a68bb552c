using FsCheck;
using FsCheck.Fluent;
using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

/// <summary>Rules that hold for any league setup with room for the whole season (cases from <see cref="ScheduleCases"/>).</summary>
[TestFixture]
public sealed class SeasonSchedulerPropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_RoomForEveryGame_EveryPairMeetsAsOftenAsTheFormatAsks() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var result = SeasonScheduler.Plan(scheduleCase.Input);

            return Holds(ScheduleChecks.MeetingsMissingOrRepeated(scheduleCase.Input, result)
                .Concat(result.Unplaced.Select(u => $"unplaced round {u.Round}: {u.Reason}")));
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_AnyCase_NoTeamPlaysTwiceOnADate() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var result = SeasonScheduler.Plan(scheduleCase.Input);

            return Holds(ScheduleChecks.TeamsPlayingTwiceOnADate(scheduleCase.Input, result));
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_SharedVenuesAndOccupiedSlots_NoFieldDoubleBooked() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var result = SeasonScheduler.Plan(scheduleCase.Input);

            return Holds(ScheduleChecks.FieldsDoubleBooked(scheduleCase.Input, result));
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_AnyCase_HomeAndAwayDifferByAtMostOnePerTeam() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var result = SeasonScheduler.Plan(scheduleCase.Input);

            return Holds(ScheduleChecks.HomeAwayImbalances(scheduleCase.Input, result));
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_LeagueAndTeamBlackouts_NoGameOnABlackedOutDate() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var result = SeasonScheduler.Plan(scheduleCase.Input);

            return Holds(ScheduleChecks.GamesOnForbiddenDates(scheduleCase.Input, result));
        });

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property Plan_SameInputTwice_SameSchedule() =>
        Prop.ForAll(ScheduleCases.Cases(), scheduleCase =>
        {
            var first = SeasonScheduler.Plan(scheduleCase.Input);
            var second = SeasonScheduler.Plan(scheduleCase.Input);

            return ScheduleChecks.SameSchedule(first, second).Label("the second plan differs from the first");
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Plan_Regeneration_KeptGamesStayAndEachRemainingMeetingIsPlacedOrReportedOnce() =>
        Prop.ForAll(ScheduleCases.Regenerations(), scheduleCase =>
        {
            var input = scheduleCase.Input;

            var result = SeasonScheduler.Plan(input);

            return Holds(ScheduleChecks.MeetingsMissingOrRepeated(input, result, countUnplaced: true)
                .Concat(ScheduleChecks.TeamsPlayingTwiceOnADate(input, result))
                .Concat(ScheduleChecks.FieldsDoubleBooked(input, result))
                .Concat(ScheduleChecks.GamesOnForbiddenDates(input, result)));
        });

    private static Property Holds(IEnumerable<string> violations)
    {
        var found = violations.Take(5).ToList();
        return (found.Count == 0).Label(string.Join(Environment.NewLine, found));
    }
}
