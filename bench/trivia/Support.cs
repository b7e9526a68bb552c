using System.Diagnostics;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;
using Npgsql;

namespace TriviaBench;

internal static class BenchDatabase
{
    public static async Task RecreateAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Every run, link, night and result gone: the next sync starts from nothing (the world's leagues and teams stay).</summary>
    public static async Task EmptyTriviaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand(
            "TRUNCATE trivia.results, trivia.nights, trivia.partner_links, trivia.sync_runs, trivia.raw_pages, trivia.outbox_messages; " +
            "ANALYZE trivia.results, trivia.nights, trivia.partner_links, trivia.sync_runs, trivia.raw_pages", connection);
        await truncate.ExecuteNonQueryAsync();
    }
}

/// <summary>The partner's v1 feed on Kestrel: serves the pages it was given in order, by cursor, already serialised.</summary>
internal sealed class StubPartner : IAsyncDisposable
{
    public const string Key = "bench-key";
    private readonly WebApplication web;
    private IReadOnlyList<string> pages = [];

    private StubPartner(WebApplication web) => this.web = web;

    public string BaseUrl => web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>When the last page of the current feed was sent (Stopwatch timestamp).</summary>
    public long LastPageSent { get; private set; }

    public static async Task<StubPartner> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var stub = new StubPartner(web);
        web.MapGet("/v1/events", async (HttpContext http) =>
        {
            if (http.Request.Headers["X-Api-Key"] != Key)
            {
                http.Response.StatusCode = 401;
                return;
            }

            var index = int.TryParse(http.Request.Query["cursor"], out var n) ? n : 0;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(stub.pages[index]);
            if (index == stub.pages.Count - 1)
            {
                stub.LastPageSent = Stopwatch.GetTimestamp();
            }
        });
        await web.StartAsync();
        return stub;
    }

    public void Serve(IReadOnlyList<string> feed)
    {
        pages = feed;
        LastPageSent = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}

internal sealed record SyncTiming(TimeSpan Total, TimeSpan Fetch, int Created, int Updated, int Unchanged, string Status, string? Error)
{
    public void Expect(int created, int unchanged)
    {
        if (Status != "Succeeded" || Created != created || Unchanged != unchanged || Updated != 0)
        {
            throw new InvalidOperationException($"Unexpected run: {this} (expected {created} created, {unchanged} unchanged).");
        }
    }
}

/// <summary>The real Host (environment Testing, as the integration tests run it) on the benchmark database; its sync reads the stub partner.</summary>
internal sealed class BenchHost(string connectionString, StubPartner partner) : WebApplicationFactory<Program>
{
    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("bench");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TriviaStandingsDto> StandingsAsync(Guid leagueId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("bench");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetTriviaStandings(leagueId));
    }

    /// <summary>One run as the background worker runs it: created, then executed in a scope of its own.</summary>
    public async Task<SyncTiming> SyncAsync()
    {
        var start = Stopwatch.GetTimestamp();
        Guid runId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var sync = scope.ServiceProvider.GetRequiredService<TriviaSync>();
            runId = (await sync.CreateRunAsync(SyncTrigger.Manual, "bench", CancellationToken.None)).Id;
            await sync.ExecuteAsync(runId, CancellationToken.None);
        }

        var total = Stopwatch.GetElapsedTime(start);
        var fetch = Stopwatch.GetElapsedTime(start, Math.Max(start, partner.LastPageSent));
        await using var read = Services.CreateAsyncScope();
        var run = await read.ServiceProvider.GetRequiredService<TriviaDbContext>().Runs.AsNoTracking().SingleAsync(r => r.Id == runId);
        return new SyncTiming(total, fetch, run.ResultsCreated, run.ResultsUpdated, run.ResultsUnchanged, run.Status.ToString(), run.Error);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Outbox:RelayInterval", "00:00:00");
        builder.UseSetting("Hangfire:WorkerCount", "1");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Trivia:Partner:BaseUrl", partner.BaseUrl);
        builder.UseSetting("Trivia:Partner:ApiKey", StubPartner.Key);
    }
}

internal sealed record BenchTeam(Guid Id, string Name, string PartnerId);

internal sealed record BenchLeague(Guid Id, IReadOnlyList<BenchTeam> Teams);

internal sealed record BenchWorld(Guid CityId, IReadOnlyList<BenchLeague> Leagues, Guid SixtyLeague, IReadOnlyList<BenchTeam> SixtyTeams)
{
    public const string City = "Milwaukee";
    public const string Venue = "The Tap Room";

    public static async Task<BenchWorld> CreateAsync(BenchHost host)
    {
        var city = (await host.SendAsync(new CreateCity(City, "WI", "America/Chicago"))).Id;
        await host.SendAsync(new CreateVenue(new VenueFields(city, Venue, "1 Water St", ["Main Room"])));
        var leagues = new List<BenchLeague>();
        for (var l = 0; l < FeedGenerator.Leagues; l++)
        {
            var league = await LeagueAsync(host, city, $"Trivia League {l + 1}", FeedGenerator.TeamsPerNight, k => ($"{Adjectives[(l + k) % Adjectives.Length]} {Nouns[k % Nouns.Length]} {l + 1}", $"t-{l + 1}-{k + 1}"));
            leagues.Add(league);
        }

        var sixty = await LeagueAsync(host, city, "Trivia Sixty", FeedGenerator.SixtyTeams, k => ($"Sixty {Adjectives[k % Adjectives.Length]} {Nouns[k / Adjectives.Length]}", $"s-{k + 1}"));
        return new BenchWorld(city, leagues, sixty.Id, sixty.Teams);
    }

    private static async Task<BenchLeague> LeagueAsync(BenchHost host, Guid city, string name, int size, Func<int, (string Name, string PartnerId)> team)
    {
        var league = await host.SendAsync(new CreateLeague(new LeagueFields(name, "Trivia", city, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
        var teams = new List<BenchTeam>();
        for (var k = 0; k < size; k++)
        {
            var (teamName, partnerId) = team(k);
            var created = await host.SendAsync(new CreateTeam(new TeamFields(teamName, league.Id, null, "Sam Captain", null, null, 6, TeamStatus.Active)));
            teams.Add(new BenchTeam(created.Id, teamName, partnerId));
        }

        return new BenchLeague(league.Id, teams);
    }

    private static readonly string[] Adjectives = ["Quizzly", "Smarty", "Know-It", "Brainy", "Trivial", "Clever", "Witty", "Nerdy", "Savvy", "Sharp", "Bright", "Quick"];
    private static readonly string[] Nouns = ["Bears", "Pints", "Ales", "Owls", "Foxes", "Geese", "Otters", "Badgers", "Cranes", "Wolves", "Hawks", "Bees"];
}

internal sealed record GeneratedFeed(IReadOnlyList<string> Pages, int Nights, int Results);

/// <summary>The partner's v1 JSON for the world's teams, deterministic per (night, revision).</summary>
internal static class FeedGenerator
{
    public const int Leagues = 10;
    public const int TeamsPerNight = 12;
    public const int SeasonNights = 1000;
    public const int NightsPerPage = 100;
    public const int SixtyTeams = 60;
    public const int SixtyNights = 13;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateOnly Opening = new(2026, 1, 6);
    private static readonly DateTimeOffset Published = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>1,000 nights: night i is league i mod 10's night of week i / 10, all 12 of its teams playing.</summary>
    public static GeneratedFeed Season(BenchWorld world)
    {
        var nights = Enumerable.Range(0, SeasonNights)
            .Select(i => Night($"ev-{i + 1:D5}", Opening.AddDays((i / Leagues * 7) + (i % Leagues % 5)), world.Leagues[i % Leagues].Teams, seed: i, Published))
            .ToList();
        return Paged(nights, SeasonNights * TeamsPerNight);
    }

    /// <summary>The 60-team league's 13 nights, every team playing each one; <paramref name="revision"/> changes one night's scores.</summary>
    public static GeneratedFeed Sixty(BenchWorld world, int revision) =>
        Paged([.. Enumerable.Range(0, SixtyNights).Select(w => SixtyNight(world, w, revision))], SixtyNights * SixtyTeams);

    /// <summary>One night of the 60-team league corrected: a later lastModified and new scores (the night rotates with the revision).</summary>
    public static GeneratedFeed Correction(BenchWorld world, int revision) => Paged([SixtyNight(world, revision % SixtyNights, revision)], SixtyTeams);

    public static IEnumerable<(Guid NightId, DateOnly Date, string GameType, Guid? TeamId, int Total, int? Rank)> Scores(BenchWorld world, int revision)
    {
        for (var w = 0; w < SixtyNights; w++)
        {
            var night = SixtyNight(world, w, revision);
            var id = new Guid(w + 1, 0, 0, new byte[8]);
            foreach (var (r, k) in night.Results.Select((r, k) => (r, k)))
            {
                yield return (id, DateOnly.Parse(night.Date, System.Globalization.CultureInfo.InvariantCulture), night.GameType, world.SixtyTeams[k].Id, r.Total, r.Rank);
            }
        }
    }

    private static FeedNight SixtyNight(BenchWorld world, int week, int revision)
    {
        var corrected = revision > 0 && revision % SixtyNights == week;
        return Night($"sx-{week + 1:D2}", Opening.AddDays(week * 7), world.SixtyTeams, seed: 10_000 + week + (corrected ? revision * 100 : 0),
            corrected ? Published.AddMinutes(revision) : Published);
    }

    private static FeedNight Night(string eventId, DateOnly date, IReadOnlyList<BenchTeam> teams, int seed, DateTimeOffset lastModified)
    {
        var random = new Random(seed);
        var scored = teams.Select(t =>
        {
            var rounds = Enumerable.Range(0, 6).Select(_ => random.Next(3, 13)).ToArray();
            var bonus = random.Next(0, 4);
            return (Team: t, Rounds: rounds, Bonus: bonus, Total: rounds.Sum() + bonus);
        }).ToList();
        var results = scored.Select(s => new FeedResult(s.Team.PartnerId, s.Team.Name, s.Rounds, s.Bonus, s.Total, 1 + scored.Count(o => o.Total > s.Total))).ToList();
        return new FeedNight(eventId, "final", lastModified, "2026-fall", 1 + (int)((date.DayNumber - Opening.DayNumber) / 7), "regular",
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "19:00", new FeedVenue("v-1", BenchWorld.Venue, BenchWorld.City), results);
    }

    private static GeneratedFeed Paged(List<FeedNight> nights, int results)
    {
        var pages = nights.Chunk(NightsPerPage).Select((chunk, i) => JsonSerializer.Serialize(
            new FeedPage(Published, chunk, (i + 1) * NightsPerPage < nights.Count ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null), Json)).ToList();
        return new GeneratedFeed(pages, nights.Count, results);
    }

    private sealed record FeedPage(DateTimeOffset GeneratedAt, IReadOnlyList<FeedNight> Events, string? NextCursor);

    private sealed record FeedNight(string EventId, string Status, DateTimeOffset LastModified, string SeasonId, int Week, string GameType, string Date, string StartTime, FeedVenue Venue, IReadOnlyList<FeedResult> Results);

    private sealed record FeedVenue(string VenueId, string Name, string City);

    private sealed record FeedResult(string TeamId, string TeamName, int[] Rounds, int Bonus, int Total, int? Rank);
}
