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
public sealed partial class TeamListingTests
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
}
