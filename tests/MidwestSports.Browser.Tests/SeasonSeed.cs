using Mediator;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Browser.Tests;

/// <summary>Leagues the browser tests seed for themselves through the modules' commands, so no other test's changes show.</summary>
internal static class SeasonSeed
{
    /// <summary>A published league of four teams at a venue with a three-week schedule saved.</summary>
    internal static async Task<Guid> LeagueAsync(ISender sender, Guid city, Guid venue, string name, DayOfWeek night, string[] teams)
    {
        var league = await sender.Send(new CreateLeague(new LeagueFields(name, "Kickball", city, 2026, SeasonTerm.Fall, night, "Recreational", LeagueStatus.Active)));
        foreach (var team in teams)
        {
            await sender.Send(new MidwestSports.Teams.Contracts.CreateTeam(new MidwestSports.Teams.Contracts.TeamFields(
                team, league.Id, null, "Casey Captain", "casey@example.org", null, 12, MidwestSports.Teams.Contracts.TeamStatus.Active)));
        }

        await sender.Send(new SetLeagueSlots(league.Id, [new SlotFields(venue, "Field A", new TimeOnly(18, 30), 60), new SlotFields(venue, "Field B", new TimeOnly(18, 30), 60)]));
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        start = start.AddDays(((int)night - (int)start.DayOfWeek + 7) % 7);
        // The league's teams reach its replica through the outbox: schedule once all four are there.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        SchedulePreviewDto plan;
        do
        {
            plan = await sender.Send(new GenerateSchedule(league.Id, ScheduleFormat.Single, start, 3, Commit: false));
        }
        while (plan.Games.Count < 6 && DateTime.UtcNow < deadline && await Delay());
        await sender.Send(new GenerateSchedule(league.Id, ScheduleFormat.Single, start, 3, Commit: true));
        return league.Id;
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
