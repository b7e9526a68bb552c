using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>Results, corrections, standings and playoffs.</summary>
public partial class LeagueOperationsTests
{
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
}
