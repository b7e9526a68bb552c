using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The score sheet of a night (issue 13): which night it opens on, stepping through nights, scope and bad input.</summary>
public sealed class ScoreSheetTests
{
    private World world = null!;
    private Guid leagueId;

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        var league = await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball");
        leagueId = league.Id;
        var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "Humboldt Park", "3000 S Howell Ave", ["Field 1", "Field 2"])));
        foreach (var name in new[] { "Hazy Sliders", "Lucky Moose", "Kickin' Brews", "Sudden Death Squad" })
        {
            await world.TeamInAsync(league.Id, name);
        }

        await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(venue.Id, "Field 1", new TimeOnly(18, 30), 60), new SlotFields(venue.Id, "Field 2", new TimeOnly(18, 30), 60)]));
        // A season entered mid-way: it began three weeks ago and goes on after today.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-21);
        await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Double, start, 6, Commit: true));
    }

    [Test]
    public async Task Night_WithoutADate_OpensOnTheLatestNightUpToTodayAndStepsToTheOthers()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var games = (await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{leagueId}/games")).EnumerateArray().ToList();
        var nights = games.Select(g => DateOnly.Parse(g.GetProperty("date").GetString()!, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var expected = nights.Where(n => n <= today).DefaultIfEmpty(nights[0]).Max();

        var sheet = await client.GetFromJsonAsync<JsonElement>($"/api/games/night?leagueId={leagueId}");
        var index = nights.IndexOf(expected);

        Assert.Multiple(() =>
        {
            Assert.That(nights, Has.Count.GreaterThan(2), "the schedule spans several nights");
            Assert.That(sheet.GetProperty("date").GetString(), Is.EqualTo(expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.That(Night(sheet, "previousNight"), Is.EqualTo(index > 0 ? nights[index - 1] : null));
            Assert.That(Night(sheet, "nextNight"), Is.EqualTo(index < nights.Count - 1 ? nights[index + 1] : null));
            Assert.That(sheet.GetProperty("games").GetArrayLength(), Is.EqualTo(games.Count(g => g.GetProperty("date").GetString() == expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            Assert.That(sheet.GetProperty("games")[0].GetProperty("leagueName").GetString(), Is.EqualTo("Tuesday Kickball"));
            Assert.That(sheet.GetProperty("games")[0].GetProperty("cityName").GetString(), Is.EqualTo("Milwaukee"));
        });

        var first = nights[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var opening = await client.GetFromJsonAsync<JsonElement>($"/api/games/night?date={first}&cityId={world.Milwaukee}");
        Assert.That(opening.GetProperty("previousNight").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Night(opening, "nextNight"), Is.EqualTo(nights[1]));
    }

    [Test]
    public async Task Night_AfterAResult_CountsOneFewerNeedingAScore()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/games/night?leagueId={leagueId}");
        var game = before.GetProperty("games")[0].GetProperty("game");

        var saved = await client.PutAsJsonAsync($"/api/games/{game.GetProperty("id").GetGuid()}/result", new { homeScore = 5, awayScore = 3, version = game.GetProperty("version").GetInt64() });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/games/night?leagueId={leagueId}&date={before.GetProperty("date").GetString()}");

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        Assert.That(after.GetProperty("needingScore").GetInt32(), Is.EqualTo(before.GetProperty("needingScore").GetInt32() - 1));
    }

    [Test]
    public async Task Night_OfCitiesNotHeld_ShowsNothingAndAnotherCitysLeagueIsNotFound()
    {
        var chicago = await world.LeagueInAsync(world.Chicago, "Chicago Kickball");
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var otherCity = await client.GetFromJsonAsync<JsonElement>($"/api/games/night?cityId={world.Chicago}");
        var otherLeague = await client.GetAsync($"/api/games/night?leagueId={chicago.Id}");

        Assert.That(otherCity.GetProperty("games").GetArrayLength(), Is.Zero);
        Assert.That(otherCity.GetProperty("date").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(otherLeague.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WeekAtAGlance_SeasonBegunThreeWeeksAgo_CountsTheGamesOwedAScoreAndTheLeaguesWithoutASchedule()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var games = (await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{leagueId}/games")).EnumerateArray()
            .Select(g => DateOnly.Parse(g.GetProperty("date").GetString()!, CultureInfo.InvariantCulture)).ToList();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var friday = await world.LeagueInAsync(world.Milwaukee, "Friday Kickball");
        await world.TeamInAsync(friday.Id, "Early Birds");
        await world.TeamInAsync(friday.Id, "Night Owls");
        await world.LeagueInAsync(world.Milwaukee, "Empty League");

        var glance = await WaitForAsync(g => g.WithoutSchedule.Any(l => l.Id == friday.Id));

        Assert.Multiple(() =>
        {
            Assert.That(glance.Today, Is.EqualTo(today));
            Assert.That(glance.Unscored, Is.EqualTo(games.Count(d => d < today)).And.GreaterThan(0));
            Assert.That(glance.OldestUnscored, Is.EqualTo(games.Min()));
            Assert.That(glance.TonightGames, Is.EqualTo(games.Count(d => d == today)));
            Assert.That(glance.WeekGames, Is.EqualTo(games.Count(d => d >= today && d <= today.AddDays(6))));
            Assert.That(glance.WithoutSchedule.Select(l => l.Name), Is.EqualTo(new[] { "Friday Kickball" }),
                "the scheduled league and the one without teams are not listed");
        });
    }

    /// <summary>The league's teams reach its replica through the outbox: read again until they have.</summary>
    private static async Task<WeekAtAGlanceDto> WaitForAsync(Func<WeekAtAGlanceDto, bool> done)
    {
        var glance = await World.SendAsSystemAsync(new GetWeekAtAGlance());
        for (var i = 0; i < 100 && !done(glance); i++)
        {
            await Task.Delay(100);
            glance = await World.SendAsSystemAsync(new GetWeekAtAGlance());
        }

        return glance;
    }

    [TestCase("/api/games/night?date=2026-13-45", "date")]
    [TestCase("/api/games/night?date=next-monday", "date")]
    [TestCase("/api/games/night?leagueId=not-a-guid", "leagueId")]
    public async Task Night_BadQueryValue_400NamingTheParameter(string path, string field)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync(path);

        await InputRulesTests.AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }

    private static DateOnly? Night(JsonElement sheet, string property) =>
        sheet.GetProperty(property).ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(sheet.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);
}
