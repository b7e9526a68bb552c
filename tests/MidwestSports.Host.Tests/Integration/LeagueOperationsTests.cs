using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Venues, schedules, results, standings and playoffs through the HTTP API, as a Milwaukee admin uses them.</summary>
public sealed partial class LeagueOperationsTests
{
    /// <summary>A Tuesday two months or more ahead (the test leagues play Tuesdays): no test depends on the date it runs.</summary>
    private static readonly DateOnly SeasonStart = NextTuesday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));

    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task TeamRenamed_ShowsRenamedInTheSchedule()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var team = season.TeamIds[0];

        var rename = await client.PutAsJsonAsync($"/api/teams/{team}", new
        {
            name = "Renamed Rockets", leagueId = season.LeagueId, sponsorId = (Guid?)null, captainName = "Casey Captain", captainEmail = "casey@example.org",
            captainPhone = (string?)null, rosterSize = 12, status = "Active",
        });
        rename.EnsureSuccessStatusCode();
        var names = await Probe.UntilAsync(async () => (await GamesAsync(client, season.LeagueId))
            .SelectMany(g => new[] { g.GetProperty("homeTeamName").GetString(), g.GetProperty("awayTeamName").GetString() }).ToList(),
            n => n.Contains("Renamed Rockets"));

        Assert.That(names.Count(n => n == "Renamed Rockets"), Is.EqualTo(3), "all three of the team's games show the new name");
    }

    private static DateOnly NextTuesday(DateOnly from) => from.AddDays(((int)DayOfWeek.Tuesday - (int)from.DayOfWeek + 7) % 7);

    private static int CountOf(string text, string token) => (text.Length - text.Replace(token, string.Empty, StringComparison.Ordinal).Length) / token.Length;

    private async Task<Season> SeasonAsync(Guid city, int teams, int fields, string[] starts, string name = "Tuesday Kickball", Guid? venueId = null)
    {
        var league = await world.LeagueInAsync(city, name);
        var venue = venueId ?? (await World.SendAsSystemAsync(new CreateVenue(new VenueFields(city, $"Humboldt Park {Guid.NewGuid():N}"[..20], "3000 S Howell Ave",
            [.. Enumerable.Range(1, fields).Select(f => $"Field {f}")])))).Id;
        var teamIds = new List<Guid>();
        for (var i = 1; i <= teams; i++)
        {
            teamIds.Add((await world.TeamInAsync(league.Id, $"Team {i:00}")).Id);
        }

        await World.SendAsSystemAsync(new SetLeagueSlots(league.Id,
            [.. from f in Enumerable.Range(1, fields) from s in starts select new SlotFields(venue, $"Field {f}", TimeOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture), 60)]));
        return new Season(league.Id, venue, teamIds);
    }

    private static async Task<JsonElement> ScheduleAsync(HttpClient client, Guid leagueId, bool commit, int weeks)
    {
        var response = await client.PostAsJsonAsync($"/api/leagues/{leagueId}/schedule", new { format = "Single", startDate = SeasonStart, weeks, commit });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<JsonElement>> GamesAsync(HttpClient client, Guid leagueId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{leagueId}/games")).EnumerateArray()];

    private static async Task ResultAsync(HttpClient client, Guid gameId, int home, int away)
    {
        var response = await client.PutAsJsonAsync($"/api/games/{gameId}/result", new { homeScore = home, awayScore = away });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private static async Task<long> GameCountAsync(Guid leagueId) =>
        await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.games WHERE league_id = $1", leagueId);

    private static async Task<string?> GamesFingerprintAsync(Guid leagueId) =>
        await Database.Postgres.ScalarAsync<string>("SELECT md5(coalesce(string_agg(g::text, '|' ORDER BY id), '')) FROM leagues.games g WHERE league_id = $1", leagueId);

    private sealed record Season(Guid LeagueId, Guid VenueId, IReadOnlyList<Guid> TeamIds);
}
