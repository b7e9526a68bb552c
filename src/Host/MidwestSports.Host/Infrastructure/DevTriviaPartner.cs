using System.Globalization;
using System.Text.Json;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Development (or a test host that enables it): the app plays the trivia partner itself, serving the v1 feed for the demo trivia leagues, so a
/// newcomer sees synced trivia with no set-up. Six weekly nights per league, made from the leagues' real teams, with
/// what a real partner sends: a renamed team, a team we do not know, a voided night and a late correction.
/// It reads the modules through their Contracts, like any outside party would only see their published data.
/// </summary>
internal static class DevTriviaPartner
{
    public const string Path = "/dev/trivia-partner";
    public const string ApiKey = "dev-partner-key";
    private const int PageSize = 4;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>On in Development (unless Trivia:FakePartner:Enabled=false); a test host may turn it on.</summary>
    public static bool Enabled(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue("Trivia:FakePartner:Enabled", environment.IsDevelopment());

    /// <summary>Points the sync at this fake partner, on the app's own address, unless a real partner is configured.</summary>
    public static void UseWhenEnabled(WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Environment, builder.Configuration) || !string.IsNullOrEmpty(builder.Configuration["Trivia:Partner:BaseUrl"]))
        {
            return;
        }

        builder.Configuration["Trivia:Partner:BaseUrl"] = "self:" + Path;
        builder.Configuration["Trivia:Partner:ApiKey"] = ApiKey;
    }

    public static void Map(WebApplication app)
    {
        if (!Enabled(app.Environment, app.Configuration))
        {
            return;
        }

        app.MapGet(Path + "/v1/events", EventsAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> EventsAsync(HttpContext http, ILeagueDirectory leagues, IVenueDirectory venues, ITeamDirectory teams, TimeProvider time, string? updatedSince, string? cursor)
    {
        if (http.Request.Headers["X-Api-Key"] != ApiKey)
        {
            return Results.Json(new { error = "invalid api key" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var since = DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : DateTimeOffset.MinValue;
        var events = (await NightsAsync(leagues, venues, teams, time.GetUtcNow(), http.RequestAborted)).Where(e => e.LastModified >= since).ToList();
        var offset = int.TryParse(cursor, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var page = events.Skip(offset).Take(PageSize).ToList();
        var next = offset + PageSize < events.Count ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Results.Json(new { generatedAt = time.GetUtcNow(), events = page, nextCursor = next }, Json);
    }

    private static async Task<List<DevEvent>> NightsAsync(ILeagueDirectory leagues, IVenueDirectory venues, ITeamDirectory teams, DateTimeOffset now, CancellationToken ct)
    {
        var events = new List<DevEvent>();
        var trivia = (await leagues.AllAsync(ct)).Where(l => l.Sport == "Trivia" && l.Status != LeagueStatus.Archived).OrderBy(l => l.CityName).ToList();
        var allVenues = await venues.AllAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var lastTuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7 == 0 ? 7 : ((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
        foreach (var (league, index) in trivia.Select((l, i) => (l, i)))
        {
            var venue = allVenues.FirstOrDefault(v => v.CityId == league.CityId && v.Name.Contains("Tap Room", StringComparison.Ordinal));
            if (venue is null)
            {
                continue;
            }

            var roster = (await teams.TeamsOfLeagueAsync(league.LeagueId, ct)).Where(t => t.Status == TeamStatus.Active).OrderBy(t => t.Name).ToList();
            var random = new Random(1000 + index);
            for (var week = 1; week <= 6; week++)
            {
                var date = lastTuesday.AddDays(-7 * (6 - week));
                var results = new List<DevResult>();
                foreach (var (team, t) in roster.Select((team, t) => (team, t)))
                {
                    // Partner ids are per season; one team plays under a new spelling; a guest team is unknown to us.
                    var name = t == 1 ? team.Name.ToUpperInvariant() + " (formerly)" : team.Name;
                    results.Add(Result($"t-{index}{t:00}", name, random));
                }

                results.Add(Result($"t-{index}99", "Guest Team Of The Week", random));
                var ranked = results.OrderByDescending(r => r.Total).Select((r, i) => r with { Rank = i + 1 }).ToList();
                var lastModified = now.AddDays(-(6 - week) * 7).AddHours(-12);
                if (week == 6)
                {
                    // The late correction: last week's night was re-scored this morning.
                    lastModified = now.AddMinutes(-5);
                }

                var status = index == 0 && week == 3 ? "void" : "final";
                events.Add(new DevEvent($"ev-{index}-{week}", status, lastModified, $"{date.Year}-fall", week, week == 4 ? "theme" : "regular",
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "19:00", new DevVenue($"v-{index}", venue.Name, league.CityName), ranked));
            }
        }

        return events;
    }

    private static DevResult Result(string id, string name, Random random)
    {
        int[] rounds = [.. Enumerable.Range(0, 6).Select(_ => random.Next(3, 11))];
        var bonus = random.Next(0, 4);
        return new DevResult(id, name, rounds, bonus, rounds.Sum() + bonus, 0);
    }

    private sealed record DevEvent(string EventId, string Status, DateTimeOffset LastModified, string SeasonId, int Week, string GameType, string Date, string StartTime, DevVenue Venue, IReadOnlyList<DevResult> Results);

    private sealed record DevVenue(string VenueId, string Name, string City);

    private sealed record DevResult(string TeamId, string TeamName, int[] Rounds, int Bonus, int Total, int Rank);
}
