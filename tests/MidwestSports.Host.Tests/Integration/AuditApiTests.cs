using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// The audit log as people read it: pages and filters applied by each module's database, names instead of ids, enum
/// names, sign-ins as sentences, a CSV export of the filtered view, and a city admin confined to their cities.
/// </summary>
public sealed partial class AuditApiTests
{
    private static readonly Regex GuidText = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase);
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task Read_PagesOfTwo_FollowTheLinkWithoutGapsOrRepeats()
    {
        foreach (var name in new[] { "Paged One", "Paged Two", "Paged Three", "Paged Four", "Paged Five" })
        {
            await world.LeagueInAsync(world.Milwaukee, name);
        }

        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var seen = new List<string>();
        var totals = new List<string>();
        var sizes = new List<int>();
        var next = "/api/audit?module=Leagues&entityType=League&limit=2";
        while (next is not null && sizes.Count < 10)
        {
            using var response = await admin.GetAsync(next);
            response.EnsureSuccessStatusCode();
            var items = await response.Content.ReadFromJsonAsync<JsonElement>();
            sizes.Add(items.GetArrayLength());
            seen.AddRange(items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            totals.Add(response.Headers.GetValues("X-Total-Count").Single());
            next = response.Headers.TryGetValues("Link", out var link) ? Regex.Match(link.Single(), "<([^>]+)>").Groups[1].Value : null;
        }

        Assert.Multiple(() =>
        {
            Assert.That(sizes, Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(seen, Is.Unique);
            Assert.That(totals, Is.All.EqualTo("5"));
        });
    }

    [Test]
    public async Task Read_EachFilter_KeepsOnlyItsEntries()
    {
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var chicago = world.Client(Persona.ChicagoAdmin);
        using var admin = world.Client(Persona.SystemAdmin);
        await PostLeagueAsync(milwaukee, world.Milwaukee, "Filter Early");
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await PostLeagueAsync(chicago, world.Chicago, "Filter Late");
        (await admin.PostAsJsonAsync("/api/sponsors", new { name = "Filter Sponsor", cityIds = new[] { world.Chicago } })).EnsureSuccessStatusCode();
        var stamp = Uri.EscapeDataString(between.ToString("O"));

        var byWho = await ReadAsync(admin, "who=milwaukeeadmin@&entityType=League");
        var byUser = await ReadAsync(admin, $"userId={world.UserId(Persona.ChicagoAdmin)}&entityType=League");
        var byCity = await ReadAsync(admin, $"cityId={world.Chicago}&entityType=League");
        var byModule = await ReadAsync(admin, "module=Sponsors");
        var byEntity = await ReadAsync(admin, "entityType=Sponsor");
        var fromBetween = await ReadAsync(admin, $"entityType=League&from={stamp}");
        var toBetween = await ReadAsync(admin, $"entityType=League&to={stamp}");

        Assert.Multiple(() =>
        {
            Assert.That(Whats(byWho), Is.EqualTo(new[] { "league Filter Early" }));
            Assert.That(Whats(byUser), Is.EqualTo(new[] { "league Filter Late" }));
            Assert.That(Whats(byCity), Is.EqualTo(new[] { "league Filter Late" }));
            Assert.That(byModule.EnumerateArray().Select(e => e.GetProperty("module").GetString()), Is.Not.Empty.And.All.EqualTo("Sponsors"));
            Assert.That(byEntity.EnumerateArray().Select(e => e.GetProperty("entityType").GetString()), Is.Not.Empty.And.All.EqualTo("Sponsor"));
            Assert.That(Whats(fromBetween), Is.EqualTo(new[] { "league Filter Late" }));
            Assert.That(Whats(toBetween), Is.EqualTo(new[] { "league Filter Early" }));
        });
    }

    [Test]
    public async Task Read_CityAdmin_SeesOnlyTheirCitiesEvenWhenAskingForAnother()
    {
        using var milwaukee = world.Client(Persona.MilwaukeeAdmin);
        using var admin = world.Client(Persona.SystemAdmin);
        await PostLeagueAsync(milwaukee, world.Milwaukee, "Scoped Home");
        await PostLeagueAsync(admin, world.Chicago, "Scoped Away");
        (await admin.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.example.org", password = "wrong-password" })).Dispose();

        var mine = await ReadAsync(milwaukee, "limit=200");
        var asked = await ReadAsync(milwaukee, $"cityId={world.Chicago}");
        var signIns = await ReadAsync(milwaukee, "entityType=SignIn");
        var csv = await milwaukee.GetStringAsync("/api/audit/export.csv");

        Assert.Multiple(() =>
        {
            Assert.That(mine.GetArrayLength(), Is.GreaterThan(0));
            Assert.That(mine.EnumerateArray().Select(e => e.GetProperty("cityId").GetString()), Is.All.EqualTo(world.Milwaukee.ToString()));
            Assert.That(mine.EnumerateArray().Select(e => e.GetProperty("city").GetString()), Is.All.EqualTo("Milwaukee"));
            Assert.That(asked.GetArrayLength(), Is.Zero, "another city's entries are not there to filter");
            Assert.That(signIns.GetArrayLength(), Is.Zero, "sign-ins are for system admins");
            Assert.That(csv, Does.Contain("Scoped Home").And.Not.Contain("Scoped Away").And.Not.Contain("nobody@"));
        });
    }

    [Test]
    public async Task Read_Changes_AreSentencesWithNamesAndEnumNamesNotIds()
    {
        using var admin = world.Client(Persona.MilwaukeeAdmin);
        var league = await world.LeagueInAsync(world.Milwaukee, "Named League");
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Ale House");
        var team = await world.TeamInAsync(league.Id, "Named Team");
        (await admin.PutAsJsonAsync($"/api/sponsors/{sponsor.Id}", new { name = "Ale House Tap", cityIds = new[] { world.Milwaukee } })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id}", new { name = "Named Team", leagueId = league.Id, sponsorId = sponsor.Id, captainName = "Pat Captain", rosterSize = 10, status = "Active" }))
            .EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/leagues/{league.Id}")).EnsureSuccessStatusCode();

        var sponsorLine = Summaries(await ReadAsync(admin, $"entityType=Sponsor&entityId={sponsor.Id}"));
        var teamLine = Summaries(await ReadAsync(admin, $"entityType=Team&entityId={team.Id}"));
        var leagueLine = Summaries(await ReadAsync(admin, $"entityType=League&entityId={league.Id}"));
        using var systemAdmin = world.Client(Persona.SystemAdmin);
        var everything = Summaries(await ReadAsync(systemAdmin, "limit=200"));

        Assert.Multiple(() =>
        {
            Assert.That(sponsorLine, Has.Some.StartsWith("MilwaukeeAdmin changed sponsor name from Ale House → Ale House Tap"));
            Assert.That(teamLine, Has.Some.StartsWith("MilwaukeeAdmin changed team Named Team: ").And.Some.Contains("sponsor from (none) → Ale House Tap"), "the sponsor named by Sponsors");
            Assert.That(leagueLine, Has.Some.StartsWith("MilwaukeeAdmin changed league Named League: ").And.Some.Contains("status from Active → Archived"), "an enum by its name");
            Assert.That(sponsorLine.Concat(teamLine).Concat(leagueLine).Where(s => GuidText.IsMatch(s)), Is.Empty, "no ids in sentences");
            Assert.That(everything, Has.Length.GreaterThan(10));
            Assert.That(everything.Where(s => GuidText.IsMatch(s)), Is.Empty, "no ids in any sentence, whichever module wrote it");
        });
    }

    [Test]
    public async Task Read_SignIns_ReadAsWhoSignedInAndFailedSignInFor()
    {
        using var anonymous = world.Client(Persona.Anonymous);
        using var admin = world.Client(Persona.SystemAdmin);
        var wrong = $"typo-{Guid.NewGuid():N}@test.example.org";
        await World.LoginAsync(anonymous, World.Email(Persona.ChicagoAdmin), World.Password);
        (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = wrong, password = "Not-The-Password-1" })).Dispose();

        var chicago = Summaries(await ReadAsync(admin, $"entityType=SignIn&userId={world.UserId(Persona.ChicagoAdmin)}&limit=1"));
        var failed = Summaries(await ReadAsync(admin, $"entityType=SignIn&who={wrong}"));

        Assert.Multiple(() =>
        {
            Assert.That(chicago, Is.EqualTo(new[] { "ChicagoAdmin signed in" }));
            Assert.That(failed, Is.EqualTo(new[] { $"failed sign-in for {wrong}" }));
        });
    }

    private static async Task PostLeagueAsync(HttpClient client, Guid cityId, string name) =>
        (await client.PostAsJsonAsync("/api/leagues", new { name, sport = "Kickball", cityId, seasonYear = 2026, term = "Fall", night = "Tuesday", level = "Recreational", status = "Active" }))
        .EnsureSuccessStatusCode();

    private static async Task<JsonElement> ReadAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/audit?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Whats(JsonElement items) =>
        [.. items.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Created").Select(e => e.GetProperty("what").GetString()!)];

    private static string[] Summaries(JsonElement items) => [.. items.EnumerateArray().Select(e => e.GetProperty("summary").GetString()!)];
}
