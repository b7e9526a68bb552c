using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Messaging;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>The listing follows the other modules: sponsor renames (off the request path, out of order, lost publishes) and the rules of team writes.</summary>
public sealed partial class TeamListingTests
{
    [Test]
    public async Task SponsorRename_WhileItsRowsAreStillBeingRewritten_PagesAlreadyShowTheNewName()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        await admin.PutAsJsonAsync($"/api/sponsors/{aleHouse.Id}", new { name = "Lakefront Ale House", cityIds = new[] { world.Milwaukee, world.Chicago } });
        // The moment between the two steps of a big rename: the replica has the new name, the rows the old one.
        await Database.Postgres.ExecuteAsync("UPDATE teams.team_listing SET sponsor_name = 'ale house' WHERE sponsor_id = $1", aleHouse.Id);

        var page = await admin.GetFromJsonAsync<TeamListingPage>($"/api/teams?sponsorId={aleHouse.Id}");
        var csv = await admin.GetStringAsync($"/api/teams/export.csv?sponsorId={aleHouse.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(page!.Items.Select(i => i.SponsorName).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("Lakefront Ale House"));
            Assert.That(csv, Does.Contain("Lakefront Ale House").And.Not.Contain(",ale house,"));
        });
    }

    [Test]
    public async Task SponsorRename_ListingShowsNewNameOnEveryTeam()
    {
        using var admin = world.Client(Persona.SystemAdmin);

        await admin.PutAsJsonAsync($"/api/sponsors/{aleHouse.Id}", new { name = "Lakefront Ale House", cityIds = new[] { world.Milwaukee, world.Chicago } });
        var page = await admin.GetFromJsonAsync<TeamListingPage>($"/api/teams?sponsorId={aleHouse.Id}");

        Assert.That(page!.Items.Select(i => i.SponsorName).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("Lakefront Ale House"));
    }

    [Test]
    public async Task SponsorRenames_DeliveredOutOfOrderAndTwice_NewestWinsOnce()
    {
        var newer = new SponsorChanged(Guid.NewGuid(), aleHouse.Id, SponsorChange.Renamed, "Newer Name", true, [world.Milwaukee, world.Chicago], 5);
        var older = new SponsorChanged(Guid.NewGuid(), aleHouse.Id, SponsorChange.Renamed, "Older Name", true, [world.Milwaukee, world.Chicago], 4);

        await PublishAsync(newer);
        await PublishAsync(older);
        await PublishAsync(newer);
        await ListingWorkDoneAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await Database.Postgres.ColumnAsync("SELECT DISTINCT sponsor_name FROM teams.team_listing WHERE sponsor_id = $1", aleHouse.Id), Is.EqualTo(new[] { "Newer Name" }));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.inbox_messages WHERE message_id = $1", newer.EventId), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SponsorRename_PublishAfterCommitLost_RelayRepairsListing()
    {
        var options = Database.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        options.PublishAfterCommit = false;
        try
        {
            await World.SendAsSystemAsync(new UpdateSponsor(aleHouse.Id, new SponsorFields("Renamed While Down", null, null, null, null, [world.Milwaukee, world.Chicago])));
        }
        finally
        {
            options.PublishAfterCommit = true;
        }

        var before = await Database.Postgres.ColumnAsync("SELECT DISTINCT sponsor_name FROM teams.team_listing WHERE sponsor_id = $1", aleHouse.Id);
        await RelayAsync();
        var after = await Database.Postgres.ColumnAsync("SELECT DISTINCT sponsor_name FROM teams.team_listing WHERE sponsor_id = $1", aleHouse.Id);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { "ale house" }));
            Assert.That(after, Is.EqualTo(new[] { "Renamed While Down" }));
        });
    }

    [Test]
    public async Task CreateTeam_SameNameDifferentCaseInLeague_409()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var response = await client.PostAsJsonAsync("/api/teams", new { name = "KICK START", leagueId = milwaukeeLeague, captainName = "X", rosterSize = 10, status = "Active" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task AssignSponsor_NotOperatingInTeamsCity_400AndNothingChanges()
    {
        using var client = world.Client(Persona.SystemAdmin);
        var team = (await client.GetFromJsonAsync<TeamListingPage>("/api/teams?name=gutter"))!.Items.Single();

        var response = await client.PutAsJsonAsync($"/api/teams/{team.Id}/sponsor", new { sponsorId = autoBody.Id });
        var after = (await client.GetFromJsonAsync<TeamListingPage>("/api/teams?name=gutter"))!.Items.Single();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not operate in Chicago"));
            Assert.That(after.SponsorId, Is.Null);
        });
    }
}
