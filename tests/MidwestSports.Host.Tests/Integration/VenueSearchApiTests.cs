using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The venue picker's search (issue 13): <c>GET /api/venues?q=</c> matches name or address in the database, case
/// ignored, LIKE's wildcards taken literally, within the caller's cities; a bad value is a 400 naming the parameter.
/// </summary>
public sealed class VenueSearchApiTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        await VenueAsync(world.Milwaukee, "Humboldt Park", "3000 S Howell Ave");
        await VenueAsync(world.Milwaukee, "Lake Park 100% Turf", "2975 N Lake Park Rd");
        await VenueAsync(world.Milwaukee, "Lake_Side Lanes", "1 Lakeside Way");
        await VenueAsync(world.Milwaukee, "Lakeview Lanes", "2 Lincoln Memorial Dr");
        await VenueAsync(world.Chicago, "Humboldt Park Boathouse", "1301 N Humboldt Dr");
    }

    [Test]
    public async Task ListVenues_Q_NameOrAddressContainsItCaseIgnored_InTheCallersCitiesOnly()
    {
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var system = world.Client(Persona.SystemAdmin);

        var byName = await milwaukee.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=HUMBOLDT");
        var byAddress = await milwaukee.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=%20howell%20");
        var everywhere = await system.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=humboldt");
        var first = await milwaukee.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=lake&limit=2");

        Assert.Multiple(() =>
        {
            Assert.That(byName!.Select(v => v.Name), Is.EqualTo(new[] { "Humboldt Park" }));
            Assert.That(byAddress!.Select(v => v.Name), Is.EqualTo(new[] { "Humboldt Park" }));
            Assert.That(everywhere!.Select(v => v.Name), Is.EqualTo(new[] { "Humboldt Park Boathouse", "Humboldt Park" }), "by city (Chicago first), then name");
            Assert.That(first!.Select(v => v.Name), Is.EqualTo(new[] { "Lake Park 100% Turf", "Lake_Side Lanes" }));
        });
    }

    [Test]
    public async Task ListVenues_QWithLikeWildcards_MatchesThemLiterally()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var percent = await client.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=%25");
        var underscore = await client.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=_");
        var backslash = await client.GetFromJsonAsync<List<VenueDto>>("/api/venues?q=%5C");

        Assert.Multiple(() =>
        {
            Assert.That(percent!.Select(v => v.Name), Is.EqualTo(new[] { "Lake Park 100% Turf" }));
            Assert.That(underscore!.Select(v => v.Name), Is.EqualTo(new[] { "Lake_Side Lanes" }), "'_' is no wildcard: only the name holding one");
            Assert.That(backslash, Is.Empty);
        });
    }

    [TestCase("/api/venues?limit=0", "limit")]
    [TestCase("/api/venues?limit=201", "limit")]
    [TestCase("/api/venues?q=a%00b", "q")]
    public async Task ListVenues_BadValue_400NamingTheParameter(string path, string field)
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync(path);

        await AssertFieldErrorAsync(response, field);
    }

    [Test]
    public async Task ListVenues_QLongerThan100_400NamingQ()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.GetAsync("/api/venues?q=" + new string('a', 101));

        await AssertFieldErrorAsync(response, "q");
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { field }));
        });
    }

    private static Task<VenueDto> VenueAsync(Guid cityId, string name, string address) =>
        World.SendAsSystemAsync(new CreateVenue(new VenueFields(cityId, name, address, ["Field 1"])));
}
