using System.Net;
using System.Net.Http.Json;
using System.Text;
using MidwestSports.Import.Contracts;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The Trivia, Import and PublicSite modules' entries (issue 13): named like the others', and the public change feed's machine rows kept out.</summary>
public sealed partial class AuditApiTests
{
    [Test]
    public async Task Read_TriviaRulesAndImports_AreNamedNotJustTheirKind()
    {
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var trivia = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields(
            "Named Tuesday Trivia", "Trivia", world.Milwaukee, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar League", LeagueStatus.Active)));
        var rules = await admin.PutAsJsonAsync($"/api/trivia/leagues/{trivia.Id}/rules", new { scoring = "TotalScore", minimumNights = 2 });
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        var import = await World.SendAsSystemAsync(new StartImport("named-sponsors.csv", Encoding.UTF8.GetBytes("Name\nLake Shore Lanes\n"), ImportKind.Sponsors, world.Milwaukee));
        await World.ImportSettledAsync(import.Id);

        // Read by a system admin: neither kind carries a city, and a city admin reads only their cities' entries.
        using var system = world.Client(Persona.SystemAdmin);
        var triviaLines = Summaries(await ReadAsync(system, $"module=Trivia&entityId={trivia.Id}"));
        var importLines = Summaries(await ReadAsync(system, $"module=Import&entityId={import.Id}"));

        Assert.Multiple(() =>
        {
            Assert.That(triviaLines, Has.Some.StartsWith("MilwaukeeAdmin created trivia league rules Named Tuesday Trivia"));
            Assert.That(importLines, Has.Length.GreaterThan(0).And.All.Contains("import batch named-sponsors.csv"));
            Assert.That(triviaLines.Concat(importLines).Where(s => GuidText.IsMatch(s)), Is.Empty, "no ids in sentences");
        });
    }

    [Test]
    public async Task Read_PublicChangeFeedRows_AreNotAuditedWhileTheChangeBehindThemIs()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(world.Milwaukee, "Feed Park", "1 Feed St", ["Field 1"])));
        (await admin.PutAsJsonAsync($"/api/venues/{venue.Id}", new { cityId = world.Milwaukee, name = "Feed Park North", address = "1 Feed St", fields = new[] { "Field 1" } }))
            .EnsureSuccessStatusCode();
        var feedRows = await Probe.UntilAsync(
            () => Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM public_site.changes WHERE entity_id = $1", venue.Id), n => n >= 2);

        var publicSite = await ReadAsync(admin, "module=PublicSite&limit=200");
        var venueLines = Summaries(await ReadAsync(admin, $"entityType=Venue&entityId={venue.Id}"));
        var auditedFeedRows = await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM public_site.audit_log");

        Assert.Multiple(() =>
        {
            Assert.That(feedRows, Is.GreaterThanOrEqualTo(2), "the feed recorded the venue's creation and rename");
            Assert.That(publicSite.GetArrayLength(), Is.Zero);
            Assert.That(auditedFeedRows, Is.Zero);
            Assert.That(venueLines, Has.Some.StartsWith("SystemAdmin changed venue name from Feed Park → Feed Park North"));
        });
    }
}
