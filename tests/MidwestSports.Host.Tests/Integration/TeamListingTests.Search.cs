using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The quick search over every name a row shows, and the status filter.</summary>
public sealed partial class TeamListingTests
{
    [TestCase("zimmer", new[] { "Kick Start" }, TestName = "Q_CaptainsName")]
    [TestCase("INVADERS", new[] { "Base Invaders" }, TestName = "Q_TeamsName")]
    [TestCase("auto bo", new[] { "Base Invaders" }, TestName = "Q_SponsorsName")]
    [TestCase("tuesday kick", new[] { "ball hogs", "Base Invaders", "Kick Start", "Sole Mates" }, TestName = "Q_LeaguesName")]
    [TestCase("bowling", new[] { "Alley Cats", "Gutter Gang", "Pin Pals" }, TestName = "Q_Sport")]
    [TestCase("milwauk", new[] { "ball hogs", "Base Invaders", "Kick Start", "Sole Mates" }, TestName = "Q_CitysName")]
    [TestCase("100%", new string[0], TestName = "Q_WildcardsAreText")]
    public async Task List_QuickSearch_MatchesTheTeamCaptainSponsorLeagueSportOrCity(string q, string[] expected)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var byName = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?q={Uri.EscapeDataString(q)}&pageSize=200");
        var bySponsor = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?q={Uri.EscapeDataString(q)}&sort=-sponsorName&pageSize=200");

        Assert.Multiple(() =>
        {
            Assert.That(byName!.Items.Select(i => i.Name), Is.EqualTo(expected.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal)));
            Assert.That(byName.TotalCount, Is.EqualTo(expected.Length));
            Assert.That(bySponsor!.Items.Select(i => i.Name), Is.EquivalentTo(expected));
        });
    }

    [Test]
    public async Task List_QuickSearch_CityAdminNeverMatchesAnotherCitysTeams()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var bowling = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?q=bowling");
        var aleHouseTeams = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?q=ale%20house");

        Assert.Multiple(() =>
        {
            Assert.That(bowling!.Items, Is.Empty);
            Assert.That(aleHouseTeams!.Items.Select(i => i.Name), Is.EqualTo(new[] { "Kick Start", "Sole Mates" }));
        });
    }

    [Test]
    public async Task List_QuickSearchRightAfterASponsorRename_MatchesTheNewNameNotTheOld()
    {
        await World.SendAsSystemAsync(new UpdateSponsor(aleHouse.Id, new SponsorFields("Brewster Hall", null, null, null, null, [world.Milwaukee, world.Chicago])));
        using var client = world.Client(Persona.SystemAdmin);

        var byNew = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?q=brewster");
        var byOld = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?q=ale%20house");

        Assert.Multiple(() =>
        {
            Assert.That(byNew!.Items.Select(i => i.Name), Is.EqualTo(new[] { "Alley Cats", "Kick Start", "Pin Pals", "Sole Mates" }));
            Assert.That(byNew.Items.Select(i => i.SponsorName).Distinct(), Is.EqualTo(new[] { "Brewster Hall" }));
            Assert.That(byOld!.Items, Is.Empty);
        });
    }

    [Test]
    public async Task List_ByStatus_ReturnsOnlyThatStatusAndEachRowCarriesIt()
    {
        using var client = world.Client(Persona.SystemAdmin);
        var pinPals = (await client.GetFromJsonAsync<TeamListingPage>("/api/teams?name=pin%20pals"))!.Items.Single();
        var team = await World.SendAsSystemAsync(new GetTeam(pinPals.Id));
        await World.SendAsSystemAsync(new UpdateTeam(team.Id, new TeamFields(
            team.Name, team.LeagueId, team.SponsorId, team.CaptainName, team.CaptainEmail, team.CaptainPhone, team.RosterSize, TeamStatus.Withdrawn, team.Version)));

        var withdrawn = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?status=Withdrawn");
        var active = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?status=active&pageSize=200");

        Assert.Multiple(() =>
        {
            Assert.That(withdrawn!.Items.Select(i => (i.Name, i.Status)), Is.EqualTo(new[] { ("Pin Pals", TeamStatus.Withdrawn) }));
            Assert.That(withdrawn.TotalCount, Is.EqualTo(1));
            Assert.That(active!.Items.Select(i => i.Name).ToList(), Has.Count.EqualTo(6).And.No.EqualTo("Pin Pals"));
            Assert.That(active.Items.Select(i => i.Status), Is.All.EqualTo(TeamStatus.Active));
        });
    }

    [TestCase("gone")]
    [TestCase("1")]
    public async Task List_UnknownStatus_400NamingStatus(string status)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var response = await client.GetAsync("/api/teams?status=" + status);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "status" }));
        });
    }
}
