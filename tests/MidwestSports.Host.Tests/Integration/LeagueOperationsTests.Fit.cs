using System.Net.Http.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Whether a saved schedule still fits the league's teams (the season page's replan prompt, issue 13).</summary>
public sealed partial class LeagueOperationsTests
{
    [Test]
    public async Task ScheduleFit_NoSchedule_NothingToReplanAndPlansFromTheLeaguesNextNight()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);

        var fit = await World.SendAsSystemAsync(new GetScheduleFit(season.LeagueId));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Scheduled, Is.False);
            Assert.That(fit.NeedsReplan, Is.False);
            Assert.That(fit.StartDate, Is.EqualTo(NextTuesday(today)), "the test league plays Tuesdays");
            Assert.That(fit.Weeks, Is.EqualTo(3), "four teams: three rounds");
        });
    }

    [Test]
    public async Task ScheduleFit_TeamJoinsAfterTheSchedule_NamesItAndAReplanFitsItIn()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        Assert.That((await World.SendAsSystemAsync(new GetScheduleFit(season.LeagueId))).NeedsReplan, Is.False, "the schedule fits its four teams");

        await world.TeamInAsync(season.LeagueId, "Late Otters");
        var fit = await World.SendAsSystemAsync(new GetScheduleFit(season.LeagueId));

        Assert.Multiple(() =>
        {
            Assert.That(fit.NeedsReplan, Is.True);
            Assert.That(fit.Joined, Is.EqualTo(new[] { "Late Otters" }));
            Assert.That(fit.Left, Is.Empty);
            Assert.That(fit.StartDate, Is.EqualTo(SeasonStart), "a replan starts where the schedule did");
            Assert.That(fit.Weeks, Is.EqualTo(5), "five teams: five rounds, each with a bye");
        });

        var replan = await World.SendAsSystemAsync(new GenerateSchedule(season.LeagueId, fit.Format, fit.StartDate, fit.Weeks, Commit: true));
        Assert.That(replan.Unplaced, Is.Empty);
        Assert.That((await World.SendAsSystemAsync(new GetScheduleFit(season.LeagueId))).NeedsReplan, Is.False, "the replan gave the new team its games");
    }

    [Test]
    public async Task ScheduleFit_TeamWithdrawsWithGamesLeft_NamesItAsLeft()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);

        var withdraw = await client.PutAsJsonAsync($"/api/teams/{season.TeamIds[0]}", new
        {
            name = "Team 01", leagueId = season.LeagueId, sponsorId = (Guid?)null, captainName = "Casey Captain", captainEmail = "casey@example.org",
            captainPhone = (string?)null, rosterSize = 12, status = "Withdrawn",
        });
        Assert.That(withdraw.IsSuccessStatusCode, Is.True, await withdraw.Content.ReadAsStringAsync());
        var fit = await World.SendAsSystemAsync(new GetScheduleFit(season.LeagueId));

        Assert.Multiple(() =>
        {
            Assert.That(fit.NeedsReplan, Is.True);
            Assert.That(fit.Left, Is.EqualTo(new[] { "Team 01" }));
            Assert.That(fit.Joined, Is.Empty);
        });
    }
}
