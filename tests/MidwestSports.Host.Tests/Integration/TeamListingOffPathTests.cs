using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using Npgsql;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// Listing work off the request path: a sponsor rename answers before its rows are re-keyed and every page is right
/// meanwhile; a full rebuild swaps a shadow table in while readers keep reading.
/// </summary>
public sealed class TeamListingOffPathTests
{
    private static readonly string[] SponsorSorts = ["sponsorName", "-sponsorName"];

    private World world = null!;
    private SponsorDto aleHouse = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        world = await World.ResetAsync();
        var milwaukee = (await world.LeagueInAsync(world.Milwaukee, "Tuesday Kickball")).Id;
        var chicago = (await World.SendAsSystemAsync(new CreateLeague(new LeagueFields("Bowling Nights", "Bowling", world.Chicago, 2025, SeasonTerm.Spring, DayOfWeek.Sunday, "Mixed", LeagueStatus.Active)))).Id;
        aleHouse = await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields("ale house", null, null, null, null, [world.Milwaukee, world.Chicago])));
        var brewery = await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields("Mill Brewery", null, null, null, null, [world.Milwaukee, world.Chicago])));
        var autoBody = await World.SendAsSystemAsync(new CreateSponsor(new SponsorFields("Ace Auto Body", null, null, null, null, [world.Milwaukee])));
        Guid?[] sponsors = [aleHouse.Id, brewery.Id, null, aleHouse.Id, autoBody.Id, brewery.Id, aleHouse.Id];
        for (var i = 0; i < 21; i++)
        {
            var sponsor = sponsors[i % sponsors.Length];
            var league = sponsor == autoBody.Id || i % 2 == 0 ? milwaukee : chicago;
            await World.SendAsSystemAsync(new CreateTeam(new TeamFields($"Team {i:00}", league, sponsor, $"Captain {20 - i}", null, null, 10, TeamStatus.Active)));
        }
    }

    [Test]
    public async Task SponsorRename_AnsweredBeforeItsRowsAreRekeyed_EveryPageCorrectMeanwhile()
    {
        using var admin = world.Client(Persona.SystemAdmin);
        // Hold the re-keying: a transaction elsewhere locks the sponsor's listing rows, so its UPDATE waits.
        await using var holder = new NpgsqlConnection(Database.Postgres.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT 1 FROM teams.team_listing WHERE sponsor_id = $1 FOR UPDATE", holder, hold))
        {
            lockRows.Parameters.Add(new NpgsqlParameter { Value = aleHouse.Id });
            await lockRows.ExecuteNonQueryAsync();
        }

        var put = await admin.PutAsJsonAsync($"/api/sponsors/{aleHouse.Id}", new { name = "Zephyr Taproom", cityIds = new[] { world.Milwaukee, world.Chicago } });
        var rowsDuring = await Database.Postgres.ColumnAsync("SELECT DISTINCT sponsor_name FROM teams.team_listing WHERE sponsor_id = $1", aleHouse.Id);
        var wrongDuring = await WrongPagesAsync(admin);

        await hold.RollbackAsync();
        await RekeyedAsync(aleHouse.Id, "Zephyr Taproom");
        var wrongAfter = await WrongPagesAsync(admin);

        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the PUT answered while its re-keying was still held");
            Assert.That(rowsDuring, Is.EqualTo(new[] { "ale house" }), "the rows were not re-keyed yet when the pages were read");
            Assert.That(wrongDuring, Is.Empty, "pages read while the rows carried the old name");
            Assert.That(wrongAfter, Is.Empty, "pages read after the re-keying");
        });
    }

    [Test]
    public async Task Rebuild_OfALargeDriftWithReadersRunning_SwapsAShadowInAndNoReaderWaitsLongOrSeesAWrongPage()
    {
        // Drift no page shows, on every row: far more than the tenth repaired in place.
        var run = await RebuildWithReadersAsync(swap: false, drift: "UPDATE teams.team_listing SET league_version = 0");

        Assert.Multiple(() =>
        {
            Assert.That(run.Report.Swapped, Is.True);
            Assert.That(run.TableAfter, Is.Not.EqualTo(run.TableBefore), "the listing is a new table: the shadow was swapped in");
            Assert.That((run.Report.Added, run.Report.Changed, run.Report.Removed), Is.EqualTo((0L, run.Report.Rows, 0L)));
        });
        AssertReadersWereServed(run);
    }

    [Test]
    public async Task Rebuild_OfASmallDriftWithReadersRunning_RepairsItInPlaceAndNoReaderWaitsLongOrSeesAWrongPage()
    {
        // Drift no page shows (the versions the listing keeps), on 40 rows: a small share of the listing.
        var run = await RebuildWithReadersAsync(swap: false, drift: "UPDATE teams.team_listing SET league_version = 0 WHERE team_id IN (SELECT team_id FROM teams.team_listing ORDER BY team_id LIMIT 40)");

        Assert.Multiple(async () =>
        {
            Assert.That(run.Report.Swapped, Is.False);
            Assert.That(run.TableAfter, Is.EqualTo(run.TableBefore), "the live table was repaired, not replaced");
            Assert.That((run.Report.Added, run.Report.Changed, run.Report.Removed), Is.EqualTo((0L, 40L, 0L)));
            Assert.That(await Database.Postgres.ScalarAsync<long>("SELECT count(*) FROM teams.team_listing WHERE league_version = 0"), Is.Zero, "the drift is repaired");
        });
        AssertReadersWereServed(run);
    }

    private sealed record RebuildRun(ListingRebuildReport Report, uint TableBefore, uint TableAfter, List<(string Url, string Page, double Ms)> Reads, Dictionary<string, string> Expected);

    /// <summary>
    /// A listing of more than 10,000 teams (copies of the seeded ones, written behind the listing's back and then
    /// rebuilt), optional drift made after that, then a rebuild while three readers loop over four pages.
    /// </summary>
    private async Task<RebuildRun> RebuildWithReadersAsync(bool swap, string? drift = null)
    {
        await Database.Postgres.ExecuteAsync("""
            DO $$
            DECLARE cols text;
            BEGIN
              SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
              WHERE table_schema = 'teams' AND table_name = 'teams' AND column_name NOT IN ('id', 'name') AND is_generated = 'NEVER';
              EXECUTE format('INSERT INTO teams.teams (id, name, %s) SELECT gen_random_uuid(), left(name, 80) || '' copy '' || g, %s FROM teams.teams, generate_series(1, 500) g', cols, cols);
            END $$;
            """);
        await World.SendAsSystemAsync(new RebuildTeamListing());
        if (drift is not null)
        {
            await Database.Postgres.ExecuteAsync(drift);
        }

        using var admin = world.Client(Persona.SystemAdmin);
        string[] urls = ["/api/teams?sort=sponsorName&pageSize=25", "/api/teams?sort=-sponsorName&pageSize=25&page=40", "/api/teams?sort=name&q=copy 7&pageSize=25", "/api/teams?sort=captainName&pageSize=50&page=3"];
        var expected = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            expected[url] = Shown(await admin.GetFromJsonAsync<TeamListingPage>(url));
        }

        var tableBefore = await Database.Postgres.ScalarAsync<uint>("SELECT 'teams.team_listing'::regclass::oid");
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            var reads = new List<(string Url, string Page, double Ms)>();
            for (var i = r; !stop.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length];
                var clock = Stopwatch.StartNew();
                var page = await admin.GetFromJsonAsync<TeamListingPage>(url);
                reads.Add((url, Shown(page), clock.Elapsed.TotalMilliseconds));
            }

            return reads;
        })).ToList();

        await Task.Delay(200);
        var report = await World.SendAsSystemAsync(new RebuildTeamListing(swap));
        await Task.Delay(200);
        await stop.CancelAsync();
        var reads = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();
        var tableAfter = await Database.Postgres.ScalarAsync<uint>("SELECT 'teams.team_listing'::regclass::oid");
        return new RebuildRun(report, tableBefore, tableAfter, reads, expected);
    }

    private static void AssertReadersWereServed(RebuildRun run) =>
        Assert.Multiple(() =>
        {
            Assert.That(run.Report.Rows, Is.GreaterThan(10_000));
            Assert.That(run.Reads, Has.Count.GreaterThan(run.Expected.Count), "readers ran during the rebuild");
            Assert.That(run.Reads.Where(r => r.Page != run.Expected[r.Url]).Select(r => r.Url), Is.Empty, "every page read equals the page before the rebuild");
            // The bound: a reader waits at most one attempt at the swap's lock (250 ms) plus the swap itself. Generous
            // for a busy two-core machine; a reader blocked for the rebuild's whole duration would exceed it.
            Assert.That(run.Reads.Max(r => r.Ms), Is.LessThan(Math.Max(3_000, run.Report.Elapsed.TotalMilliseconds / 2)), "no reader blocked beyond the bound");
        });

    /// <summary>What a reader must see the same: the rows, and the total when it is exact (an estimate follows the planner's statistics, which any write moves).</summary>
    private static string Shown(TeamListingPage? page) =>
        string.Join("\n", page!.Items.Select(i => $"{i.Id}|{i.Name}|{i.SponsorName}|{i.CaptainName}")) + $"\n{(page.TotalIsEstimate ? "estimate" : page.TotalCount)}";

    /// <summary>
    /// Every sponsor-sorted or sponsor-searched page, by cursor and by page number, that differs from what the truth
    /// (the sponsor names as the Sponsors module has them) says it should be. Empty when every page is right.
    /// </summary>
    private async Task<List<string>> WrongPagesAsync(HttpClient admin)
    {
        var everyTeam = (await admin.GetFromJsonAsync<TeamListingPage>("/api/teams?pageSize=200"))!.Items;
        var sponsorNames = new Dictionary<Guid, string>();
        foreach (var id in everyTeam.Where(i => i.SponsorId is not null).Select(i => i.SponsorId!.Value).Distinct())
        {
            sponsorNames[id] = (await World.SendAsSystemAsync(new GetSponsor(id))).Name;
        }

        var truth = everyTeam.Select(i => i with { SponsorName = i.SponsorId is { } s ? sponsorNames[s] : null }).ToList();
        var wrong = new List<string>();
        foreach (var sort in SponsorSorts)
        {
            foreach (var (filter, keep) in new (string, Func<TeamListingItem, bool>)[]
            {
                (string.Empty, _ => true),
                ("&sponsorName=zephyr", i => i.SponsorName?.Contains("zephyr", StringComparison.OrdinalIgnoreCase) == true),
                ("&sponsorName=e", i => i.SponsorName?.Contains('e', StringComparison.OrdinalIgnoreCase) == true),
                ("&q=zephyr", i => Searchable(i).Contains("zephyr", StringComparison.Ordinal)),
                ("&q=ale house", i => Searchable(i).Contains("ale house", StringComparison.Ordinal)),
            })
            {
                var expected = Ordered(truth.Where(keep), sort).Select(i => i.Id).ToList();
                var byCursor = new List<Guid>();
                string? cursor = null;
                do
                {
                    var page = (await admin.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=4{filter}{(cursor is null ? string.Empty : "&cursor=" + cursor)}"))!;
                    byCursor.AddRange(page.Items.Select(i => i.Id));
                    if (page.Items.Any(i => i.SponsorId is { } s && i.SponsorName != sponsorNames[s]))
                    {
                        wrong.Add($"{sort}{filter}: a page shows an old sponsor name");
                    }

                    if (cursor is null && page.TotalCount != expected.Count)
                    {
                        wrong.Add($"{sort}{filter}: total {page.TotalCount}, expected {expected.Count}");
                    }

                    cursor = page.NextCursor;
                }
                while (cursor is not null);

                var byNumber = new List<Guid>();
                for (var number = 1; number <= (expected.Count / 5) + 1; number++)
                {
                    byNumber.AddRange((await admin.GetFromJsonAsync<TeamListingPage>($"/api/teams?sort={sort}&pageSize=5&page={number}{filter}"))!.Items.Select(i => i.Id));
                }

                if (!byCursor.SequenceEqual(expected))
                {
                    wrong.Add($"{sort}{filter} by cursor");
                }

                if (!byNumber.SequenceEqual(expected))
                {
                    wrong.Add($"{sort}{filter} by page number");
                }
            }
        }

        return wrong;
    }

    private static string Searchable(TeamListingItem i) =>
        $"{i.Name} {i.SponsorName ?? string.Empty} {i.LeagueName} {i.CaptainName} {i.CityName} {i.Sport}".ToLowerInvariant();

    /// <summary>Sponsored teams by lower-cased sponsor name then id, sponsorless ones last by id, in both directions.</summary>
    private static IEnumerable<TeamListingItem> Ordered(IEnumerable<TeamListingItem> items, string sort)
    {
        var descending = sort.StartsWith('-');
        var list = items.ToList();
        var sponsored = list.Where(i => i.SponsorName is not null);
        var sponsorless = list.Where(i => i.SponsorName is null);
        return descending
            ? [.. sponsored.OrderByDescending(i => i.SponsorName!.ToLowerInvariant(), StringComparer.Ordinal).ThenByDescending(i => i.Id.ToString(), StringComparer.Ordinal),
               .. sponsorless.OrderByDescending(i => i.Id.ToString(), StringComparer.Ordinal)]
            : [.. sponsored.OrderBy(i => i.SponsorName!.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(i => i.Id.ToString(), StringComparer.Ordinal),
               .. sponsorless.OrderBy(i => i.Id.ToString(), StringComparer.Ordinal)];
    }

    private static async Task RekeyedAsync(Guid sponsorId, string name)
    {
        var clock = Stopwatch.StartNew();
        while ((await Database.Postgres.ColumnAsync("SELECT DISTINCT sponsor_name FROM teams.team_listing WHERE sponsor_id = $1", sponsorId)).SequenceEqual([name]) is false)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail("the sponsor's listing rows were never re-keyed");
            }

            await Task.Delay(50);
        }
    }
}
