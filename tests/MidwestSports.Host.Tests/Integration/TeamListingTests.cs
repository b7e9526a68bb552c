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

/// <summary>The team listing: every sort and filter, cursor walks, scope, CSV, and that it never loses an update.</summary>
public sealed class TeamListingTests
{
    private static readonly string[] SortKeys = ["name", "sponsorName", "leagueName", "cityName", "sport", "season", "captainName", "createdAt"];

    private World world = null!;
    private Guid milwaukeeLeague;
    private Guid chicagoLeague;
    private SponsorDto aleHouse = null!;
    private SponsorDto autoBody = null!;

    public static IEnumerable<TestCaseData> Sorts() =>
        SortKeys.SelectMany(k => new[] { new TestCaseData(k).SetName($"Sort_{k}_Ascending"), new TestCaseData("-" + k).SetName($"Sort_{k}_Descending") });

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        milwaukeeLeague = (await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball")).Id;
        chicagoLeague = (await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Bowling Nights", "Bowling", world.Chicago, 2025, SeasonTerm.Spring, DayOfWeek.Sunday, "Mixed", LeagueStatus.Active)))).Id;
        aleHouse = await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields("ale house", null, null, null, null, [world.Milwaukee, world.Chicago])));
        autoBody = await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields("Ace Auto Body", null, null, null, null, [world.Milwaukee])));
        var seed = new (string Name, Guid League, Guid? Sponsor, string Captain)[]
        {
            ("Kick Start", milwaukeeLeague, aleHouse.Id, "zoe Zimmer"), ("ball hogs", milwaukeeLeague, null, "Adam Ames"),
            ("Base Invaders", milwaukeeLeague, autoBody.Id, "Mia Moss"), ("Pin Pals", chicagoLeague, aleHouse.Id, "Ben Bo"),
            ("Gutter Gang", chicagoLeague, null, "carla Cruz"), ("Alley Cats", chicagoLeague, aleHouse.Id, "Dee Dow"),
            ("Sole Mates", milwaukeeLeague, aleHouse.Id, "eli Eck"),
        };
        foreach (var (name, league, sponsor, captain) in seed)
        {
            await World.SendAsSystemAsync(new CreateTeam(new TeamFields(name, league, sponsor, captain, null, null, 10, TeamStatus.Active)));
        }
    }

    [TestCaseSource(nameof(Sorts))]
    public async Task List_Sorted_OrdersIgnoringCaseWithSponsorlessLastAndIdTieBreak(string sort)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var page = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=200");

        var expected = Expected(page!.Items, sort);
        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(i => i.Name), Is.EqualTo(expected.Select(i => i.Name)));
            Assert.That(page.TotalCount, Is.EqualTo(7));
            Assert.That(page.TotalIsEstimate, Is.False);
            Assert.That(page.NextCursor, Is.Null);
        });
    }

    [TestCase("sponsorName")]
    [TestCase("-sponsorName")]
    [TestCase("name")]
    [TestCase("-season")]
    [TestCase("-createdAt")]
    public async Task CursorWalk_SmallPages_ReturnsEveryTeamOnceInOrder(string sort)
    {
        using var client = world.Client(Persona.SystemAdmin);
        var whole = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=200"))!.Items.Select(i => i.Id).ToList();

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/teams?sort={sort}&pageSize=2" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = (await client.GetFromJsonAsync<TeamListingPage>(url))!;
            walked.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.That(walked, Is.EqualTo(whole));
    }

    [TestCase("sponsorName")]
    [TestCase("-sponsorName")]
    public async Task CursorWalk_SponsorSortFilteredBySponsor_SameRowsAndOrderAsTheUnfilteredList(string sort)
    {
        using var client = world.Client(Persona.SystemAdmin);
        var expected = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=200"))!.Items
            .Where(i => i.SponsorName is { } n && n.Contains('e', StringComparison.OrdinalIgnoreCase)).Select(i => i.Id).ToList();

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&sponsorName=E&pageSize=2" + (cursor is null ? string.Empty : $"&cursor={cursor}")))!;
            walked.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.That(walked, Is.EqualTo(expected).And.Count.EqualTo(5));
    }

    [TestCase("name", Persona.SystemAdmin)]
    [TestCase("-name", Persona.SystemAdmin)]
    [TestCase("name", Persona.MilwaukeeAdmin)]
    [TestCase("-name", Persona.MilwaukeeAdmin)]
    public async Task CursorWalk_QuickSearchInNameOrder_SameRowsAndOrderAsTheUnfilteredListFiltered(string sort, Persona persona)
    {
        using var client = world.Client(persona);
        var expected = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=200"))!.Items
            .Where(i => $"{i.Name} {i.SponsorName} {i.LeagueName} {i.CaptainName} {i.CityName} {i.Sport}".Contains("al", StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Id).ToList();

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&q=AL&pageSize=1" + (cursor is null ? string.Empty : $"&cursor={cursor}")))!;
            walked.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 30);

        Assert.That(walked, Is.EqualTo(expected).And.Count.GreaterThan(1));
    }

    [TestCase("sponsorName")]
    [TestCase("-sponsorName")]
    public async Task OffsetPages_SponsorSortFilteredBySponsor_SameRowsAndOrderAsOnePage(string sort)
    {
        using var client = world.Client(Persona.SystemAdmin);
        var whole = (await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&sponsorName=E&pageSize=200"))!.Items.Select(i => i.Id).ToList();

        var paged = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            paged.AddRange((await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&sponsorName=E&pageSize=2&page={page}"))!.Items.Select(i => i.Id));
        }

        Assert.That(paged, Is.EqualTo(whole).And.Count.EqualTo(5));
    }

    [Test]
    public async Task OffsetPages_AcrossTheSponsorlessBoundary_ReturnEveryTeamOnce()
    {
        using var client = world.Client(Persona.SystemAdmin);
        var whole = (await client.GetFromJsonAsync<TeamListingPage>("/api/teams?sort=-sponsorName&pageSize=200"))!.Items.Select(i => i.Id).ToList();

        var paged = new List<Guid>();
        for (var page = 1; page <= 4; page++)
        {
            paged.AddRange((await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort=-sponsorName&pageSize=2&page={page}"))!.Items.Select(i => i.Id));
        }

        Assert.That(paged, Is.EqualTo(whole));
    }

    [TestCase("q=ALE", new[] { "Alley Cats", "Kick Start", "Pin Pals", "Sole Mates" })]
    [TestCase("name=ga", new[] { "Gutter Gang" })]
    [TestCase("sponsorName=AUTO", new[] { "Base Invaders" })]
    [TestCase("leagueName=bowl", new[] { "Alley Cats", "Gutter Gang", "Pin Pals" })]
    [TestCase("captainName=cruz", new[] { "Gutter Gang" })]
    [TestCase("hasSponsor=false", new[] { "ball hogs", "Gutter Gang" })]
    public async Task List_Filtered_ReturnsOnlyMatches(string filter, string[] expected)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var page = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?{filter}");

        Assert.That(page!.Items.Select(i => i.Name), Is.EqualTo(expected));
    }

    [Test]
    public async Task List_ExactIdFilters_ReturnOnlyMatches()
    {
        using var client = world.Client(Persona.SystemAdmin);

        var byLeague = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?leagueId={chicagoLeague}");
        var byCity = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?cityId={world.Milwaukee}");
        var bySponsor = await client.GetFromJsonAsync<TeamListingPage>($"/api/teams?sponsorId={aleHouse.Id}&hasSponsor=true");

        Assert.Multiple(() =>
        {
            Assert.That(byLeague!.Items.Select(i => i.LeagueId).ToList(), Has.Count.EqualTo(3).And.All.EqualTo(chicagoLeague));
            Assert.That(byCity!.Items.Select(i => i.CityName).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("Milwaukee"));
            Assert.That(bySponsor!.Items.Select(i => i.SponsorName).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("ale house"));
        });
    }

    [TestCase("sort=color", "sort")]
    [TestCase("sort=-", "sort")]
    [TestCase("colour=red", "colour")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=201", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("leagueId=42", "leagueId")]
    [TestCase("hasSponsor=maybe", "hasSponsor")]
    public async Task List_BadParameter_400NamingIt(string query, string parameter)
    {
        using var client = world.Client(Persona.SystemAdmin);

        var response = await client.GetAsync($"/api/teams?{query}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(parameter));
        });
    }

    [Test]
    public async Task List_CursorOfAnotherSort_400()
    {
        using var client = world.Client(Persona.SystemAdmin);
        var first = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?sort=name&pageSize=2");

        var response = await client.GetAsync($"/api/teams?sort=-name&cursor={first!.NextCursor}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task List_MilwaukeeAdmin_SeesNoChicagoRowInListOrExport()
    {
        using var client = world.Client(Persona.MilwaukeeAdmin);

        var page = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?pageSize=200&sort=cityName");
        var csv = await client.GetStringAsync("/api/teams/export.csv?sort=cityName");

        Assert.Multiple(() =>
        {
            Assert.That(page!.Items.Select(i => i.CityName).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("Milwaukee"));
            Assert.That(csv, Does.Not.Contain("Chicago"));
            Assert.That(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5), "header and four teams");
        });
    }

    [Test]
    public async Task Export_FormulaLikeCells_AreNeutralised()
    {
        await world.TeamInAsync(milwaukeeLeague, "=HYPERLINK(\"http://x\",\"win\")");
        await world.TeamInAsync(milwaukeeLeague, "@SUM(A1)");
        using var client = world.Client(Persona.SystemAdmin);

        var csv = await client.GetStringAsync("/api/teams/export.csv?name=(");

        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.Contain("\"'=HYPERLINK(\"\"http://x\"\",\"\"win\"\")\""));
            Assert.That(csv, Does.Contain("'@SUM(A1)"));
            Assert.That(csv, Does.Not.Contain(",=").And.Not.Contain("\n="));
        });
    }

    [Test]
    public async Task Export_SortedAndFiltered_HasExactlyTheViewsRows()
    {
        using var client = world.Client(Persona.SystemAdmin);
        var view = await client.GetFromJsonAsync<TeamListingPage>("/api/teams?sort=-sponsorName&hasSponsor=true&pageSize=200");

        var csv = await client.GetStringAsync("/api/teams/export.csv?sort=-sponsorName&hasSponsor=true");
        var ids = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => Guid.Parse(l.TrimEnd('\r').Split(',')[^1]));

        Assert.That(ids, Is.EqualTo(view!.Items.Select(i => i.Id)));
    }

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
    public async Task Rebuild_OfAnEmptyListing_LoadsEveryRowAndRebuildsEveryIndex()
    {
        const string Indexes = "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'teams' AND tablename = 'team_listing' ORDER BY 1";
        var indexesBefore = await Database.Postgres.ColumnAsync(Indexes);
        await Database.Postgres.ExecuteAsync("TRUNCATE teams.team_listing");

        var report = await World.SendAsSystemAsync(new RebuildTeamListing());

        Assert.Multiple(async () =>
        {
            Assert.That(report.Added, Is.EqualTo(report.Rows).And.GreaterThan(0));
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

        var report = await World.SendAsSystemAsync(new RebuildTeamListing());

        Assert.Multiple(async () =>
        {
            Assert.That((report.Added, report.Changed, report.Removed), Is.EqualTo((1L, 1L, 0L)));
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

    private static List<TeamListingItem> Expected(IReadOnlyList<TeamListingItem> items, string sort)
    {
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        Func<TeamListingItem, IComparable?> value = key switch
        {
            "sponsorName" => i => i.SponsorName?.ToLowerInvariant(),
            "leagueName" => i => i.LeagueName.ToLowerInvariant(),
            "cityName" => i => i.CityName.ToLowerInvariant(),
            "sport" => i => i.Sport.ToLowerInvariant(),
            "season" => i => (int.Parse(i.Season.Split(' ')[1]) * 10) + (int)Enum.Parse<SeasonTerm>(i.Season.Split(' ')[0]),
            "captainName" => i => i.CaptainName.ToLowerInvariant(),
            "createdAt" => i => i.CreatedAt,
            _ => i => i.Name.ToLowerInvariant(),
        };
        var withValue = items.Where(i => value(i) is not null);
        var ordered = descending
            ? withValue.OrderByDescending(value, Comparer<IComparable?>.Create(Compare)).ThenByDescending(i => i.Id.ToString(), StringComparer.Ordinal)
            : withValue.OrderBy(value, Comparer<IComparable?>.Create(Compare)).ThenBy(i => i.Id.ToString(), StringComparer.Ordinal);
        var withoutValue = items.Where(i => value(i) is null);
        var nullsLast = descending
            ? withoutValue.OrderByDescending(i => i.Id.ToString(), StringComparer.Ordinal)
            : withoutValue.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal);
        return [.. ordered, .. nullsLast];
    }

    private static int Compare(IComparable? a, IComparable? b) =>
        a is string sa && b is string sb ? string.CompareOrdinal(sa, sb) : Comparer<IComparable?>.Default.Compare(a, b);

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
