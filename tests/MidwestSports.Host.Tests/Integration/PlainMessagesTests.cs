using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Issue 13, forms: a refused save says what is wrong in the admin's words, naming the field as its form labels it
/// ("Captain is required."), never FluentValidation's defaults ("'Captain Name' must not be empty.", "You entered 61").
/// </summary>
public sealed class PlainMessagesTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task PostTeam_MissingAndOutOfRangeFields_400InTheFormsWords()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/teams",
            new { name = " ", leagueId = Guid.Empty, captainName = "", captainEmail = "casey-at-example", rosterSize = 61, status = "Active" }));

        Assert.Multiple(() =>
        {
            Assert.That(errors["name"], Is.EqualTo(new[] { "Team name is required." }));
            Assert.That(errors["leagueId"], Is.EqualTo(new[] { "Choose the team's league." }));
            Assert.That(errors["captainName"], Is.EqualTo(new[] { "Captain is required." }));
            Assert.That(errors["captainEmail"], Is.EqualTo(new[] { "Captain email must be an email address, like name@example.org." }));
            Assert.That(errors["rosterSize"], Is.EqualTo(new[] { "Roster size must be from 0 to 60." }));
        });
    }

    [Test]
    public async Task PostLeague_MissingCityAndYearOutOfRange_400InTheFormsWords()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/leagues",
            new { name = "Tuesday Kickball", sport = "Kickball", cityId = Guid.Empty, seasonYear = 1999, term = "Fall", night = "Tuesday", level = "", status = "Active" }));

        Assert.Multiple(() =>
        {
            Assert.That(errors["cityId"], Is.EqualTo(new[] { "Choose the league's city." }));
            Assert.That(errors["seasonYear"], Is.EqualTo(new[] { "Season year must be from 2000 to 2100." }));
            Assert.That(errors["level"], Is.EqualTo(new[] { "Level or division is required." }));
        });
    }

    [Test]
    public async Task PostSponsor_NoNameNoCity_400InTheFormsWords()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/sponsors", new { name = "", cityIds = Array.Empty<Guid>() }));

        Assert.Multiple(() =>
        {
            Assert.That(errors["name"], Is.EqualTo(new[] { "Business name is required." }));
            Assert.That(errors["cityIds"], Is.EqualTo(new[] { "Choose at least one city the sponsor operates in." }));
        });
    }

    [Test]
    public async Task PostSchedule_WeeksOutOfRange_400InPlainWords()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        using var client = world.Client(Persona.SystemAdmin);

        var errors = await ErrorsAsync(await client.PostAsJsonAsync($"/api/leagues/{league.Id}/schedule", new { format = "Single", startDate = "2027-05-03", weeks = 60 }));

        Assert.That(errors["weeks"], Is.EqualTo(new[] { "Weeks must be from 1 to 52." }));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        using var body = JsonDocument.Parse(text);
        var errors = body.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.That(errors.Values.SelectMany(m => m), Has.None.Match("'[A-Z][A-Za-z ]*'").And.None.Contains("You entered"), "no quoted property names, no echo of the input");
        return errors;
    }
}
