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
    public async Task Result_BadInput_ClearErrorsAndNothingChanged()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        using var chicago = world.Client(Persona.ChicagoAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var games = await GamesAsync(client, season.LeagueId);
        var game = games[0].GetProperty("id").GetGuid();
        var cancelled = games[1].GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/games/{cancelled}/cancel", null)).EnsureSuccessStatusCode();
        var before = await GamesFingerprintAsync(season.LeagueId);

        var negative = await client.PutAsJsonAsync($"/api/games/{game}/result", new { homeScore = -1, awayScore = 4 });
        var onCancelled = await client.PutAsJsonAsync($"/api/games/{cancelled}/result", new { homeScore = 3, awayScore = 4 });
        var foreign = await chicago.PutAsJsonAsync($"/api/games/{game}/result", new { homeScore = 3, awayScore = 4 });
        var strangerForfeit = await client.PutAsJsonAsync($"/api/games/{game}/result", new { forfeitedBy = Guid.NewGuid() });
        var negativeBody = await negative.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(negative.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(negativeBody.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "homeScore" }));
            Assert.That(onCancelled.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(strangerForfeit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await GamesFingerprintAsync(season.LeagueId), Is.EqualTo(before), "nothing changed");
        });
    }

    [Test]
    public async Task Result_Correction_NeedsAReasonAndTheAuditLogKeepsIt()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var game = (await GamesAsync(client, season.LeagueId))[0].GetProperty("id").GetGuid();
        await ResultAsync(client, game, 5, 3);

        var withoutReason = await client.PutAsJsonAsync($"/api/games/{game}/result", new { homeScore = 3, awayScore = 5 });
        var withReason = await client.PutAsJsonAsync($"/api/games/{game}/result", new { homeScore = 3, awayScore = 5, reason = "Scorekeeper swapped the teams" });
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Game&entityId={game}");

        Assert.Multiple(() =>
        {
            Assert.That(withoutReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(withReason.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var correction = audit.EnumerateArray().Single(e => e.GetProperty("reason").GetString() == "Scorekeeper swapped the teams");
            Assert.That(correction.GetProperty("actor").GetString(), Is.EqualTo(World.Email(Persona.MilwaukeeAdmin)));
            Assert.That(correction.GetProperty("changes").GetString(), Does.Contain("home_score").Or.Contain("HomeScore"));
        });
    }

    [Test]
    public async Task Standings_AfterResultsAndAForfeit_OrderWithReasons()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        (await client.PutAsJsonAsync($"/api/leagues/{season.LeagueId}/rules", new { forfeitWinScore = 7, forfeitLossScore = 0, tieBreakers = "standard", differentialCap = 10 }))
            .EnsureSuccessStatusCode();
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var round1 = (await GamesAsync(client, season.LeagueId)).Where(g => g.GetProperty("round").GetInt32() == 1).ToList();
        await ResultAsync(client, round1[0].GetProperty("id").GetGuid(), 12, 2);
        var forfeiter = round1[1].GetProperty("homeTeamId").GetGuid();
        (await client.PutAsJsonAsync($"/api/games/{round1[1].GetProperty("id").GetGuid()}/result", new { forfeitedBy = forfeiter })).EnsureSuccessStatusCode();

        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/standings");
        var rows = standings.GetProperty("rows").EnumerateArray().ToList();
        var forfeitRow = rows.Single(r => r.GetProperty("teamId").GetGuid() == forfeiter);
        var blowoutWinner = rows.Single(r => r.GetProperty("pointsFor").GetInt32() == 12);

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(4));
            Assert.That(rows[0].GetProperty("won").GetInt32(), Is.EqualTo(1));
            Assert.That(rows[0].GetProperty("pointsAgainst").GetInt32(), Is.Zero, "two 1-0 teams that never met: fewer points allowed first (7-0 forfeit win over 12-2)");
            Assert.That(rows[0].GetProperty("aboveNextBecause").GetString(), Does.Contain("allowed fewer points"));
            Assert.That(blowoutWinner.GetProperty("cappedDifferential").GetInt32(), Is.EqualTo(10), "a 12-2 win counts +10 with a cap of 10");
            Assert.That(forfeitRow.GetProperty("forfeits").GetInt32(), Is.EqualTo(1));
            Assert.That(forfeitRow.GetProperty("pointsAgainst").GetInt32(), Is.EqualTo(7), "the league's forfeit score, 7-0");
            Assert.That(rows.Take(3).Select(r => r.GetProperty("aboveNextBecause").GetString()), Has.All.Not.Empty);
            Assert.That(standings.GetProperty("rules").GetProperty("name").GetString(), Is.EqualTo("standard"));
        });
    }

    [Test]
    public async Task Playoffs_FourTeamsSeededFromStandings_WinnersAdvanceToAChampion()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        foreach (var game in await GamesAsync(client, season.LeagueId))
        {
            await ResultAsync(client, game.GetProperty("id").GetGuid(), 6, 2);
        }

        var created = await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/playoffs", new { format = "SingleElimination", teams = 4 });
        created.EnsureSuccessStatusCode();
        var standings = (await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/standings")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("teamId").GetGuid()).ToList();
        var semis = (await GamesAsync(client, season.LeagueId)).Where(g => g.GetProperty("kind").GetString() == "Playoff").ToList();
        foreach (var semi in semis)
        {
            await ResultAsync(client, semi.GetProperty("id").GetGuid(), 4, 1);
        }

        var final = (await GamesAsync(client, season.LeagueId)).Single(g => g.GetProperty("kind").GetString() == "Playoff" && g.GetProperty("status").GetString() == "Scheduled");
        var tie = await client.PutAsJsonAsync($"/api/games/{final.GetProperty("id").GetGuid()}/result", new { homeScore = 2, awayScore = 2 });
        await ResultAsync(client, final.GetProperty("id").GetGuid(), 3, 7);
        var bracket = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/bracket");

        Assert.Multiple(() =>
        {
            Assert.That(semis, Has.Count.EqualTo(2));
            var pairs = semis.Select(g => new[] { g.GetProperty("homeTeamId").GetGuid(), g.GetProperty("awayTeamId").GetGuid() }).ToList();
            Assert.That(pairs, Has.One.EquivalentTo(new[] { standings[0], standings[3] }), "1 v 4");
            Assert.That(pairs, Has.One.EquivalentTo(new[] { standings[1], standings[2] }), "2 v 3");
            Assert.That(tie.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a playoff game needs a winner");
            Assert.That(bracket.GetProperty("championId").GetGuid(), Is.EqualTo(final.GetProperty("awayTeamId").GetGuid()));
        });
    }

    [Test]
    public async Task Playoffs_DoubleEliminationOfFour_EveryTeamButTheChampionLosesTwice()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        (await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/playoffs", new { format = "DoubleElimination", teams = 4 })).EnsureSuccessStatusCode();
        var seeds = (await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/bracket")).GetProperty("matches").EnumerateArray()
            .Where(m => m.GetProperty("round").GetInt32() == 1 && m.GetProperty("side").GetString() == "Winners")
            .SelectMany(m => new[] { (m.GetProperty("homeTeamId").GetGuid(), m.GetProperty("homeSeed").GetInt32()), (m.GetProperty("awayTeamId").GetGuid(), m.GetProperty("awaySeed").GetInt32()) })
            .ToDictionary(x => x.Item1, x => x.Item2);

        // Always the better seed wins, until no playoff game is left to play.
        for (var played = 0; played < 10; played++)
        {
            var open = (await GamesAsync(client, season.LeagueId)).FirstOrDefault(g => g.GetProperty("kind").GetString() == "Playoff" && g.GetProperty("status").GetString() == "Scheduled");
            if (open.ValueKind == JsonValueKind.Undefined)
            {
                break;
            }

            var homeBetter = seeds[open.GetProperty("homeTeamId").GetGuid()] < seeds[open.GetProperty("awayTeamId").GetGuid()];
            await ResultAsync(client, open.GetProperty("id").GetGuid(), homeBetter ? 5 : 1, homeBetter ? 1 : 5);
        }

        var games = (await GamesAsync(client, season.LeagueId)).Where(g => g.GetProperty("kind").GetString() == "Playoff").ToList();
        var losses = games.Select(g => g.GetProperty("homeScore").GetInt32() < g.GetProperty("awayScore").GetInt32() ? g.GetProperty("homeTeamId").GetGuid() : g.GetProperty("awayTeamId").GetGuid())
            .GroupBy(t => t).ToDictionary(g => seeds[g.Key], g => g.Count());
        var bracket = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/bracket");

        Assert.Multiple(() =>
        {
            Assert.That(games, Has.Count.EqualTo(6), "2n - 2 games: no grand-final reset when the winners-bracket champion wins");
            Assert.That(seeds[bracket.GetProperty("championId").GetGuid()], Is.EqualTo(1));
            Assert.That(losses, Is.EquivalentTo(new Dictionary<int, int> { [2] = 2, [3] = 2, [4] = 2 }));
        });
    }

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
    public async Task Results_EnteredAtTheSameTimeForOneLeague_AllSavedAndCounted()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 8, fields: 2, starts: ["18:30", "19:30"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 7);
        var games = (await GamesAsync(client, season.LeagueId)).Take(12).ToList();

        var responses = await Task.WhenAll(games.Select(g => client.PutAsJsonAsync($"/api/games/{g.GetProperty("id").GetGuid()}/result", new { homeScore = 3, awayScore = 3 })));
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/standings");

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.EqualTo(200), "no result is lost to a concurrent one");
            Assert.That(standings.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("played").GetInt32()), Is.EqualTo(24));
        });
    }

    [Test]
    public async Task Playoffs_CorrectingOrRemovingASemifinalAfterTheFinalIsPlayed_Is409AndNothingChanges()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        (await client.PostAsJsonAsync($"/api/leagues/{season.LeagueId}/playoffs", new { format = "SingleElimination", teams = 4 })).EnsureSuccessStatusCode();
        var semis = (await GamesAsync(client, season.LeagueId)).Where(g => g.GetProperty("kind").GetString() == "Playoff").ToList();
        foreach (var semi in semis)
        {
            await ResultAsync(client, semi.GetProperty("id").GetGuid(), 4, 1);
        }

        var final = (await GamesAsync(client, season.LeagueId)).Single(g => g.GetProperty("bracketCode").GetString() == "W2-1");
        await ResultAsync(client, final.GetProperty("id").GetGuid(), 2, 6);
        var before = await GamesFingerprintAsync(season.LeagueId);
        var semi1 = semis[0].GetProperty("id").GetGuid();

        var correction = await client.PutAsJsonAsync($"/api/games/{semi1}/result", new { homeScore = 1, awayScore = 4, reason = "Scores swapped" });
        var removal = await client.DeleteAsync($"/api/games/{semi1}/result?reason=wrong%20game");

        Assert.Multiple(async () =>
        {
            Assert.That(correction.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await correction.Content.ReadAsStringAsync());
            Assert.That(removal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await GamesFingerprintAsync(season.LeagueId), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task ClearResult_NeedsAReason_ThenTheGameIsScheduledAgainAndTheStandingsForgetIt()
    {
        var season = await SeasonAsync(world.Milwaukee, teams: 4, fields: 2, starts: ["19:00"]);
        using var client = world.Client(Persona.MilwaukeeAdmin);
        await ScheduleAsync(client, season.LeagueId, commit: true, weeks: 3);
        var game = (await GamesAsync(client, season.LeagueId))[0].GetProperty("id").GetGuid();
        await ResultAsync(client, game, 9, 1);

        var withoutReason = await client.DeleteAsync($"/api/games/{game}/result");
        var cleared = await client.DeleteAsync($"/api/games/{game}/result?reason=Entered%20on%20the%20wrong%20game");
        var body = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        var standings = await client.GetFromJsonAsync<JsonElement>($"/api/leagues/{season.LeagueId}/standings");
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Game&entityId={game}");

        Assert.Multiple(() =>
        {
            Assert.That(withoutReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Scheduled"));
            Assert.That(standings.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("played").GetInt32()), Is.Zero);
            Assert.That(audit.EnumerateArray().Select(e => e.GetProperty("reason").GetString()), Does.Contain("Entered on the wrong game"));
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
