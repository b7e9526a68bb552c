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

/// <summary>The listing equals the truth after randomized changes across modules, and a rebuild repairs exactly the drift.</summary>
public sealed partial class TeamListingTests
{
    [Test]
    public async Task RandomizedChanges_AcrossModules_ListingEqualsTheTruth()
    {
        var random = new Random(20261125);
        var options = Database.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        var sponsors = new List<Guid> { aleHouse.Id, autoBody.Id };
        var teams = (await Database.Postgres.ColumnAsync("SELECT id::text FROM teams.teams")).Select(Guid.Parse).ToList();
        var leagues = new[] { (Id: milwaukeeLeague, City: world.Milwaukee), (Id: chicagoLeague, City: world.Chicago) };
        for (var step = 0; step < 80; step++)
        {
            // A third of the changes lose their after-commit publish, as if the process died: the relay must catch up.
            options.PublishAfterCommit = random.Next(3) != 0;
            try
            {
                switch (random.Next(7))
                {
                    case 0:
                        var league = leagues[random.Next(leagues.Length)];
                        teams.Add((await World.SendAsSystemAsync(new CreateTeam(new TeamFields($"Team {step}", league.Id, null, $"Captain {step}", null, null, 9, TeamStatus.Active)))).Id);
                        break;
                    case 1:
                        var renamed = sponsors[random.Next(sponsors.Count)];
                        var facts = await World.SendAsSystemAsync(new GetSponsor(renamed));
                        await World.SendAsSystemAsync(new UpdateSponsor(renamed, new SponsorFields($"Sponsor v{step}", null, null, null, null, facts.CityIds)));
                        break;
                    case 2 when teams.Count > 0:
                        var team = await World.SendAsSystemAsync(new GetTeam(teams[random.Next(teams.Count)]));
                        var candidates = await ActiveSponsorsInAsync(sponsors, team.CityId);
                        var pick = candidates.Count == 0 || random.Next(4) == 0 ? (Guid?)null : candidates[random.Next(candidates.Count)];
                        await World.SendAsSystemAsync(new SetTeamSponsor(team.Id, pick));
                        break;
                    case 3:
                        sponsors.Add((await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields($"New Sponsor {step}", null, null, null, null, [world.Milwaukee, world.Chicago])))).Id);
                        break;
                    case 4 when sponsors.Count > 2:
                        await World.SendAsSystemAsync(new DeactivateSponsor(sponsors[random.Next(sponsors.Count)]));
                        break;
                    case 5 when teams.Count > 0:
                        var gone = teams[random.Next(teams.Count)];
                        await World.SendAsSystemAsync(new DeleteTeam(gone));
                        teams.Remove(gone);
                        break;
                    default:
                        var target = leagues[random.Next(leagues.Length)];
                        var current = await World.SendAsSystemAsync(new GetLeague(target.Id));
                        await World.SendAsSystemAsync(new UpdateLeague(target.Id, new LeagueFields($"League v{step}", current.Sport, current.CityId, current.SeasonYear, current.Term, current.Night, current.Level, current.Status)));
                        break;
                }
            }
            finally
            {
                options.PublishAfterCommit = true;
            }
        }

        await RelayAsync();

        var truth = await TruthAsync();
        var listing = await ListingAsync();
        Assert.That(listing, Is.EquivalentTo(truth));
    }

    [Test]
    public async Task Rebuild_AskedToSwap_LoadsAnEmptyListingsEveryRowAndRebuildsEveryIndex()
    {
        const string Indexes = "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'teams' AND tablename = 'team_listing' ORDER BY 1";
        var indexesBefore = await Database.Postgres.ColumnAsync(Indexes);
        await Database.Postgres.ExecuteAsync("TRUNCATE teams.team_listing");

        // A swap asked for (what follows a change to the listing's columns): a listing this small would be repaired in place.
        var report = await World.SendAsSystemAsync(new RebuildTeamListing(Swap: true));

        Assert.Multiple(async () =>
        {
            Assert.That(report.Added, Is.EqualTo(report.Rows).And.GreaterThan(0));
            Assert.That(report.Swapped, Is.True);
            Assert.That(await ListingAsync(), Is.EquivalentTo(await TruthAsync()));
            Assert.That(await Database.Postgres.ColumnAsync(Indexes), Is.EqualTo(indexesBefore), "every index is back, as it was defined");
        });
    }

    [Test]
    public async Task Rebuild_WithDrift_RepairsExactlyTheDrift()
    {
        var victims = await Database.Postgres.ColumnAsync("SELECT team_id::text FROM teams.team_listing ORDER BY team_id LIMIT 2");
        await Database.Postgres.ExecuteAsync("UPDATE teams.team_listing SET sponsor_name = 'stale', sponsor_version = 0 WHERE team_id = $1", Guid.Parse(victims[0]));
        await Database.Postgres.ExecuteAsync("DELETE FROM teams.team_listing WHERE team_id = $1", Guid.Parse(victims[1]));
        // A row whose team is gone (deleted behind the listing's back).
        await Database.Postgres.ExecuteAsync("""
            INSERT INTO teams.team_listing (team_id, name, league_id, league_name, city_id, city_name, sport, season, season_sort, sponsor_id, sponsor_name, captain_name, created_at, status, league_version, city_version, sponsor_version)
            SELECT gen_random_uuid(), 'Ghost ' || name, league_id, league_name, city_id, city_name, sport, season, season_sort, sponsor_id, sponsor_name, captain_name, created_at, status, league_version, city_version, sponsor_version
            FROM teams.team_listing ORDER BY team_id LIMIT 1
            """);

        var report = await World.SendAsSystemAsync(new RebuildTeamListing());

        Assert.Multiple(async () =>
        {
            Assert.That((report.Added, report.Changed, report.Removed), Is.EqualTo((1L, 1L, 1L)));
            Assert.That(report.Swapped, Is.False, "three rows are repaired in place");
            Assert.That(await ListingAsync(), Is.EquivalentTo(await TruthAsync()));
        });
    }

    private static async Task<List<Guid>> ActiveSponsorsInAsync(List<Guid> sponsors, Guid cityId)
    {
        var result = new List<Guid>();
        foreach (var id in sponsors)
        {
            var sponsor = await World.SendAsSystemAsync(new GetSponsor(id));
            if (sponsor.Active && sponsor.CityIds.Contains(cityId))
            {
                result.Add(id);
            }
        }

        return result;
    }

    /// <summary>What each module's own data says, read through their Contracts.</summary>
    private static async Task<List<string>> TruthAsync()
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        var sponsors = (await scope.ServiceProvider.GetRequiredService<ISponsorDirectory>().AllAsync(CancellationToken.None)).ToDictionary(s => s.SponsorId);
        var leagues = (await scope.ServiceProvider.GetRequiredService<ILeagueDirectory>().AllAsync(CancellationToken.None)).ToDictionary(l => l.LeagueId);
        var rows = new List<string>();
        foreach (var id in (await Database.Postgres.ColumnAsync("SELECT id::text FROM teams.teams")).Select(Guid.Parse))
        {
            var team = await World.SendAsSystemAsync(new GetTeam(id));
            var league = leagues[team.LeagueId];
            var sponsor = team.SponsorId is { } s ? sponsors[s].Name : "-";
            rows.Add($"{team.Id}|{team.Name}|{league.Name}|{league.CityName}|{league.Sport}|{league.Term} {league.SeasonYear}|{sponsor}|{team.CaptainName}");
        }

        return rows;
    }

    private static async Task<List<string>> ListingAsync() =>
        await Database.Postgres.ColumnAsync(
            "SELECT team_id || '|' || name || '|' || league_name || '|' || city_name || '|' || sport || '|' || season || '|' || coalesce(sponsor_name, '-') || '|' || captain_name FROM teams.team_listing");

    private static async Task PublishAsync(SponsorChanged changed)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(changed);
    }

    private static async Task RelayAsync()
    {
        await Database.Postgres.ExecuteAsync("UPDATE sponsors.outbox_messages SET next_attempt_at = now() WHERE processed_at IS NULL");
        await Database.Postgres.ExecuteAsync("UPDATE leagues.outbox_messages SET next_attempt_at = now() WHERE processed_at IS NULL");
        for (var pass = 0; pass < 5; pass++)
        {
            await using var scope = Database.App.Services.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<IOutboxProcessor>())
            {
                await processor.ProcessAsync(null, CancellationToken.None);
            }
        }

        await ListingWorkDoneAsync();
    }

    /// <summary>
    /// Waits for the listing work queued in Teams' outbox (a renamed sponsor's rows re-keyed after the request that
    /// renamed it) to finish, as the background loop runs it.
    /// </summary>
    private static async Task ListingWorkDoneAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.outbox_messages WHERE processed_at IS NULL AND type LIKE 'MidwestSports.Teams.Listing.%'") > 0)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "listing work still pending");
            await Task.Delay(20);
        }
    }
}
