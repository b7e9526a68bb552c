using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>A scheduled league of <c>teams</c> teams at one venue, built through the modules' commands: what public tests read.</summary>
internal sealed record PublicSeason(Guid LeagueId, Guid CityId, Guid VenueId, IReadOnlyList<Guid> TeamIds, IReadOnlyList<GameDto> Games)
{
    /// <summary>A Tuesday two months ahead (the leagues play Tuesdays): nothing depends on the day the test runs.</summary>
    public static readonly DateOnly Start = NextTuesday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));

    public static async Task<PublicSeason> CreateAsync(World world, Guid cityId, string name = "Tuesday Kickball", int teams = 4, LeagueStatus status = LeagueStatus.Active, Guid? sponsorId = null)
    {
        var league = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(name, "Kickball", cityId, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Recreational", status)));
        var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(cityId, $"Park {Guid.NewGuid():N}"[..16], "3000 S Howell Ave", ["Field 1", "Field 2"])));
        var teamIds = new List<Guid>();
        for (var i = 1; i <= teams; i++)
        {
            teamIds.Add((await world.TeamInAsync(league.Id, $"{name} Team {i}", i == 1 ? sponsorId : null)).Id);
        }

        await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(venue.Id, "Field 1", new TimeOnly(18, 30), 60), new SlotFields(venue.Id, "Field 2", new TimeOnly(18, 30), 60)]));
        await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Single, Start, teams, Commit: true));
        return new PublicSeason(league.Id, cityId, venue.Id, teamIds, await World.SendAsSystemAsync(new ListGames(league.Id)));
    }

    private static DateOnly NextTuesday(DateOnly from) => from.AddDays(((int)DayOfWeek.Tuesday - (int)from.DayOfWeek + 7) % 7);
}
