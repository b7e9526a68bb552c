using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Tests.Integration;

public sealed class CitiesApiTests
{
    private HttpClient client = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        var world = await World.ResetAsync();
        client = world.Client(Persona.SystemAdmin);
    }

    [TearDown]
    public void TearDown() => client.Dispose();

    [Test]
    public async Task Post_InvalidFields_Returns400NamingEachFieldAndSavesNothing()
    {
        var response = await client.PostAsJsonAsync("/api/cities", new { name = "", state = "Wisconsin", timeZone = "Mars/Olympus" });
        var problem = await ProblemAsync(response);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "state", "timeZone" }));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.cities"), Is.EqualTo(3), "only the world's three cities");
        });
    }

    [Test]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var response = await client.PostAsync("/api/cities", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(problem.ToString(), Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task Post_DuplicateNameIgnoringCase_Returns409()
    {
        var response = await client.PostAsJsonAsync("/api/cities", new { name = "MADISON", state = "WI", timeZone = "America/Chicago" });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM leagues.cities WHERE name ILIKE 'madison'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var response = await client.GetAsync($"/api/cities/{Guid.NewGuid()}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await ProblemAsync(response)).GetProperty("title").GetString(), Is.EqualTo("Not found."));
        });
    }

    [Test]
    public async Task Put_Rename_ReturnsNewVersionAndListsIt()
    {
        var created = await (await client.PostAsJsonAsync("/api/cities", new { name = "Minneapolis", state = "mn", timeZone = "America/Chicago" }))
            .Content.ReadFromJsonAsync<CityDto>();

        var response = await client.PutAsJsonAsync($"/api/cities/{created!.Id}", new { name = "Minneapolis-St Paul", state = "MN", timeZone = "America/Chicago" });
        var updated = await response.Content.ReadFromJsonAsync<CityDto>();
        var listed = await client.GetFromJsonAsync<List<CityDto>>("/api/cities");

        Assert.Multiple(() =>
        {
            Assert.That(created.State, Is.EqualTo("MN"));
            Assert.That(updated!.Version, Is.EqualTo(2));
            Assert.That(listed!.Select(c => c.Name), Is.EqualTo(new[] { "Chicago", "Madison", "Milwaukee", "Minneapolis-St Paul" }));
        });
    }

    [Test]
    public async Task Health_LiveAndReady_Answer200()
    {
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task OpenApi_Document_ListsTheCitiesApi()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(document, Does.Contain("/api/cities"));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
