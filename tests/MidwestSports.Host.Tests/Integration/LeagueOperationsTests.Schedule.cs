using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Planning and saving a season's schedule, and moving its games.</summary>
public partial class LeagueOperationsTests
{
    [Test]
    public async Task Schedule_Preview_SavesNothingAndCommit_SavesEveryGame()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 8, fields: 2, starts: ["18:30", "19:30"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var preview = await ScheduleAsync(client, season.LeagueId, commit: false, weeks: 7);
        var savedAfterPreview = await GameCountAsync(season.LeagueId);
        var committed = await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 7);
        var games = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/games");

        Assert.Multiple(() =>
        {
            Assert.That(preview.GetProperty("committed").GetBoolean(), Is.False);
            Assert.That(preview.GetProperty("games").GetArrayLength(), Is.EqualTo(28), "8 teams meet once: 28 games");
            Assert.That(preview.GetProperty("unplaced").GetArrayLength(), Is.Zero);
            Assert.That(savedAfterPreview, Is.Zero, "a preview saves nothing");
            Assert.That(committed.GetProperty("committed").GetBoolean(), Is.True);
            Assert.That(games.GetArrayLength(), Is.EqualTo(28));
            Assert.That(games.EnumerateArray().Select(g => g.GetProperty("homeTeamName").GetString()), Has.All.StartsWith("Team "));
        });
    }

    [Test]
    public async Task Schedule_MoreGamesThanSlots_PreviewSaysWhichAndWhyAndCommitIs409SavingNothing()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 8, fields: 1, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var preview = await ScheduleAsync(client, season.LeagueId, commit: false, weeks: 7);
        var commit = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule", new { format = "Single", startDate = SeasonStart, weeks = 7, commit = true });
        var problem = await commit.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(preview.GetProperty("games").GetArrayLength(), Is.EqualTo(7), "one field, one start, seven nights: seven games");
            Assert.That(preview.GetProperty("unplaced").GetArrayLength(), Is.EqualTo(21));
            Assert.That(preview.GetProperty("unplaced").EnumerateArray().Select(u => u.GetProperty("reason").GetString()), Has.All.Not.Empty);
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("21 game(s) could not be placed"));
            Assert.That(await GameCountAsync(season.LeagueId), Is.Zero);
        });
    }

    [Test]
    public async Task Schedule_RegeneratedMidSeason_KeepsPlayedGamesAndReplacesTheRest()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 6, fields: 2, starts: ["18:30", "19:30"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 8);
        var firstNight = (await GamesAsync(client, season.LeagueId)).Where(g => g.GetProperty("round").GetInt32() == 1).ToList();
        foreach (var game in firstNight)
        {
            await ResultAsync(client, game.GetProperty("id").GetGuid(), 5, 3);
        }

        var regenerated = await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 8);
        var games = await GamesAsync(client, season.LeagueId);
        var pairs = games.Select(g => string.Join("|", new[] { g.GetProperty("homeTeamId").GetGuid(), g.GetProperty("awayTeamId").GetGuid() }.Order())).ToList();
        var firstDate = firstNight[0].GetProperty("date").GetString();

        Assert.Multiple(() =>
        {
            Assert.That(regenerated.GetProperty("kept").GetInt32(), Is.EqualTo(3));
            Assert.That(games, Has.Count.EqualTo(15), "6 teams meet once: 15 games, the 3 played ones kept");
            Assert.That(pairs.Distinct().Count(), Is.EqualTo(15), "no pair meets twice");
            Assert.That(games.Where(g => g.GetProperty("status").GetString() == "Final").Select(g => g.GetProperty("id").GetGuid()),
                Is.EquivalentTo(firstNight.Select(g => g.GetProperty("id").GetGuid())));
            Assert.That(games.Where(g => g.GetProperty("status").GetString() == "Scheduled").Select(g => g.GetProperty("date").GetString()),
                Has.All.GreaterThan(firstDate!), "no new game on or before the night already played");
        });
    }

    [Test]
    public async Task Schedule_TwoLeaguesSharingAVenue_NeverClash()
    {
        var first = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["18:30", "19:30"], name: "Tuesday Kickball A");
        var second = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["18:30", "19:30"], name: "Tuesday Kickball B", venueId: first.VenueId);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        await ScheduleAsync(client, first.LeagueId, commit: true, weeks: 6);
        var secondPlan = await ScheduleAsync(client, second.LeagueId, commit: false, weeks: 6);
        var taken = (await GamesAsync(client, first.LeagueId)).Select(g => $"{g.GetProperty("date")}|{g.GetProperty("field")}|{g.GetProperty("start")}").ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(secondPlan.GetProperty("games").GetArrayLength() + secondPlan.GetProperty("unplaced").GetArrayLength(), Is.EqualTo(6));
            Assert.That(secondPlan.GetProperty("games").EnumerateArray().Select(g => $"{g.GetProperty("date")}|{g.GetProperty("field")}|{g.GetProperty("start")}"),
                Has.None.AnyOf(taken.Cast<object>().ToArray()), "a field the other league holds is never given twice");
        });
    }

    [Test]
    public async Task MoveGame_OntoATakenField_Is409AndNothingMoves()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var games = await GamesAsync(client, season.LeagueId);
        var (a, b) = (games[0], games.First(g => g.GetProperty("round").GetInt32() == 2));
        var before = await GamesFingerprintAsync(season.LeagueId);

        var clash = await client.PutAsJsonAsync($"/api/games/{b.GetProperty("id").GetGuid()}", new
        {
            date = a.GetProperty("date").GetString(), start = a.GetProperty("start").GetString(), venueId = season.VenueId, field = a.GetProperty("field").GetString(),
        });

        Assert.Multiple(async () =>
        {
            Assert.That(clash.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await GamesFingerprintAsync(season.LeagueId), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Rules_And_Slots_MissingOrNullParts_400NamingTheField()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 2, fields: 1, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var rules = await client.PutAsJsonAsync($"/api/leagues/{season.LeagueId}/rules", new { forfeitWinScore = 7, forfeitLossScore = 0 });
        var slots = await client.PutAsJsonAsync($"/api/leagues/{season.LeagueId}/slots", new object?[] { null });
        var farFuture = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule", new { format = "Single", startDate = "9999-12-01", weeks = 10 });
        var rulesBody = await rules.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(rulesBody.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("tieBreakers"));
            Assert.That(slots.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(farFuture.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Schedule_RegeneratedWithNightsAlreadyGone_KeepsThoseGamesAndPlacesNothingInThePast()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var season = await SeasonAsync(world.Milwaukee, teams: 6, fields: 2, starts: ["18:30", "19:30"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var start = NextTuesday(today.AddDays(-21));
        var first = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule", new { format = "Single", startDate = start, weeks = 9, commit = true });
        first.EnsureSuccessStatusCode();
        var past = (await GamesAsync(client, season.LeagueId)).Where(g => DateOnly.Parse(g.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < today)
            .Select(g => g.GetProperty("id").GetGuid()).ToList();

        var again = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule", new { format = "Single", startDate = start, weeks = 9, commit = true });
        var games = await GamesAsync(client, season.LeagueId);

        Assert.Multiple(async () =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
            Assert.That(past, Is.Not.Empty, "the season started three weeks ago");
            Assert.That(games.Select(g => g.GetProperty("id").GetGuid()), Is.SupersetOf(past), "games of nights already gone are kept, scored or not");
            Assert.That(games.Where(g => !past.Contains(g.GetProperty("id").GetGuid()))
                    .Select(g => DateOnly.Parse(g.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                Has.All.GreaterThanOrEqualTo(today), "nothing new is placed in the past");
            Assert.That(games, Has.Count.EqualTo(15));
        });
    }

    [Test]
    public async Task Schedule_CommitOfAPlanThatChangedSinceThePreview_Is409AndSavesNothing()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 6, fields: 2, starts: ["18:30", "19:30"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        var preview = await ScheduleAsync(client, season.LeagueId, commit: false, weeks: 6);
        await world.TeamInAsync(season.LeagueId, "Late Entry");

        var commit = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/schedule",
            new { format = "Single", startDate = SeasonStart, weeks = 6, commit = true, expectedPlan = preview.GetProperty("planId").GetString() });

        Assert.Multiple(async () =>
        {
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await GameCountAsync(season.LeagueId), Is.Zero);
        });
    }

    [Test]
    public async Task MoveGame_OntoABlackoutDate_Is409()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var holiday = SeasonStart.AddDays(35);
        (await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/blackouts", new { date = holiday, reason = "Holiday" })).EnsureSuccessStatusCode();
        var game = (await GamesAsync(client, season.LeagueId))[0];

        var move = await client.PutAsJsonAsync($"/api/games/{game.GetProperty("id").GetGuid()}", new { date = holiday, start = "19:00", venueId = season.VenueId, field = "Field 1" });

        Assert.That(move.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
