using Mediator;
using MidwestSports.Identity.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Development only: four cities with leagues, and one user per role, all through the modules' own commands
/// (so their events flow as in production). Runs once: it does nothing when cities exist. Several hosts starting
/// together (docker-compose's replicas) take turns through an advisory lock, so only the first seeds.
/// </summary>
internal static partial class DemoData
{
    public static readonly (string Email, string Name, PlatformRole Role, string? City)[] Users =
    [
        ("admin@example.org", "Avery Admin", PlatformRole.SystemAdmin, null),
        ("milwaukee.admin@example.org", "Morgan (Milwaukee)", PlatformRole.CityAdmin, "Milwaukee"),
        ("chicago.admin@example.org", "Casey (Chicago)", PlatformRole.CityAdmin, "Chicago"),
        ("madison.viewer@example.org", "Madi (Madison, read-only)", PlatformRole.CityViewer, "Madison"),
    ];

    private static readonly (string Name, string State)[] Cities =
        [("Milwaukee", "WI"), ("Chicago", "IL"), ("Madison", "WI"), ("Minneapolis", "MN")];

    private static readonly (string Sport, DayOfWeek Night, string Level)[] Formats =
    [
        ("Kickball", DayOfWeek.Tuesday, "Recreational"), ("Kickball", DayOfWeek.Thursday, "Competitive"),
        ("Softball", DayOfWeek.Wednesday, "Co-ed Rec"), ("Volleyball", DayOfWeek.Monday, "Sand 6s"),
        ("Bowling", DayOfWeek.Sunday, "Mixed"), ("Dodgeball", DayOfWeek.Thursday, "Open"),
        ("Cornhole", DayOfWeek.Wednesday, "Social"), ("Flag Football", DayOfWeek.Saturday, "Co-ed A"),
        ("Volleyball", DayOfWeek.Wednesday, "Indoor 6s"), ("Basketball", DayOfWeek.Monday, "Open"),
        ("Soccer", DayOfWeek.Sunday, "Co-ed 7v7"), ("Pickleball", DayOfWeek.Tuesday, "Doubles"), ("Skee-Ball", DayOfWeek.Thursday, "Social"),
    ];

    private static readonly string[] Places =
    [
        "Lakefront", "Brew City", "North Shore", "Riverwest", "Bay View", "Lincoln Park", "Wicker", "State Street", "Capitol", "Isthmus",
        "Uptown", "Northeast", "Mill City", "Badger", "Windy City", "Prairie", "Driftless", "Loop", "Lakeshore", "Third Ward",
    ];

    private static readonly string[] Businesses =
    [
        "Tap House", "Auto Body", "Pizza Co.", "Family Dental", "Realty", "Brewing", "Fitness", "Insurance", "Plumbing", "Hardware",
        "Credit Union", "Bagels", "Tavern", "Law Group", "Chiropractic", "Coffee", "Bike Shop", "Print Shop", "Barbers", "Bowl",
    ];

    private static readonly string[] Owners =
        ["Kowalski's", "Schultz", "Nguyen's", "O'Brien's", "Garcia", "Olson", "Novak", "Patel", "Larson's", "Wojcik", "Murphy's", "Jensen"];

    public static string Password(IConfiguration configuration) =>
        configuration["MIDWEST_DEMO_PASSWORD"] is { Length: > 0 } password ? password : "Midwest-Demo-1";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var turn = await services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(hashtext('midwest-demo-data'))", turn))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await SeedOnceAsync(services, configuration, logger, cancellationToken);
        }
        finally
        {
            await using var unlock = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('midwest-demo-data'))", turn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task SeedOnceAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("demo-data");
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        if ((await sender.Send(new ListCities(), cancellationToken)).Count > 0)
        {
            return;
        }

        var cityIds = new Dictionary<string, Guid>();
        foreach (var (name, state) in Cities)
        {
            cityIds[name] = (await sender.Send(new CreateCity(name, state, "America/Chicago"), cancellationToken)).Id;
        }

        var year = DateTime.UtcNow.Year;
        foreach (var (city, cityId) in cityIds)
        {
            foreach (var (sport, night, level) in Formats)
            {
                foreach (var term in new[] { SeasonTerm.Spring, SeasonTerm.Summer, SeasonTerm.Fall })
                {
                    var status = term == SeasonTerm.Fall ? LeagueStatus.Registration : LeagueStatus.Completed;
                    var name = $"{city} {night} {sport} {level}";
                    await sender.Send(new CreateLeague(new LeagueFields(name, sport, cityId, year, term, night, level, status)), cancellationToken);
                }
            }
        }

        // 600 sponsors with local names, each in one city (one in ten in two).
        var random = new Random(2026);
        var cityList = cityIds.Values.ToArray();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (names.Count < 600)
        {
            names.Add(random.Next(3) == 0
                ? $"{Owners[random.Next(Owners.Length)]} {Businesses[random.Next(Businesses.Length)]}"
                : $"{Places[random.Next(Places.Length)]} {Businesses[random.Next(Businesses.Length)]}");
        }

        foreach (var sponsorName in names)
        {
            var home = cityList[random.Next(cityList.Length)];
            Guid[] operatesIn = random.Next(10) == 0 ? [home, cityList[random.Next(cityList.Length)]] : [home];
            var contact = $"{Owners[random.Next(Owners.Length)].TrimEnd('s').TrimEnd('\'')} Owner";
            await sender.Send(
                new CreateSponsor(new SponsorFields(sponsorName, contact, null, $"414-555-{random.Next(10000):0000}", null, [.. operatesIn.Distinct()])),
                cancellationToken);
        }

        var demoTeams = configuration.GetValue("Demo:Teams", 2500);
        if (demoTeams > 0)
        {
            await sender.Send(new SeedTeams(demoTeams), cancellationToken);
            var (scheduled, unscheduled) = await SeedSeasonsAsync(sender, cityIds, year, random, cancellationToken);
            LogSeasons(logger, scheduled, unscheduled);
            await SeedTriviaAsync(sender, cityIds, year, random, cancellationToken);
        }

        var password = Password(configuration);
        foreach (var (email, name, role, city) in Users)
        {
            await sender.Send(new CreateUser(email, name, password, role, city is null ? [] : [cityIds[city]]), cancellationToken);
        }

        LogSeeded(logger, cityIds.Count, Users.Length);
    }

    /// <summary>
    /// Two venues per city; every fall league gets slots at both and a committed 10-week schedule starting the next
    /// league night (a league that does not fit is left unscheduled, as an admin would find it); the first league of
    /// each city gets two weeks of results, so standings and playoffs have something to show.
    /// </summary>
    private static async Task<(int Scheduled, int Unscheduled)> SeedSeasonsAsync(
        ISender sender, Dictionary<string, Guid> cityIds, int year, Random random, CancellationToken ct)
    {
        var (scheduled, unscheduled) = (0, 0);
        await sender.Send(new RefreshLeagueTeams(), ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (city, cityId) in cityIds)
        {
            var park = await sender.Send(new CreateVenue(new VenueFields(cityId, $"{city} Lakefront Park", "100 Lakeshore Dr", ["Field 1", "Field 2", "Field 3", "Field 4"])), ct);
            var gym = await sender.Send(new CreateVenue(new VenueFields(cityId, $"{city} Rec Center", "200 Main St", ["Court 1", "Court 2", "Court 3"])), ct);
            var leagues = await sender.Send(new ListLeagues(1, 100, null, null, cityId, null, year, SeasonTerm.Fall), ct);
            var first = true;
            foreach (var league in leagues.Items)
            {
                var venue = league.Sport is "Volleyball" or "Basketball" or "Bowling" or "Pickleball" or "Skee-Ball" or "Dodgeball" or "Cornhole" ? gym : park;
                await sender.Send(new SetLeagueSlots(league.Id,
                    [.. from field in venue.Fields from start in new[] { new TimeOnly(18, 30), new TimeOnly(19, 30), new TimeOnly(20, 30) } select new SlotFields(venue.Id, field, start, 60)]), ct);
                // A round per team (an odd count adds a bye round), plus two spare nights for makeups.
                var weeks = (await sender.Send(new GetSeasonSetup(league.Id), ct)).Teams.Count + 2;
                try
                {
                    await sender.Send(new GenerateSchedule(league.Id, ScheduleFormat.Single, today.AddDays(-14), weeks, Commit: true), ct);
                }
                catch (Exception ex) when (ex is MidwestSports.Shared.Errors.DomainException or FluentValidation.ValidationException)
                {
                    // Expected: another league of the same night already holds the venue's slots. Counted, reported once.
                    unscheduled++;
                    continue;
                }

                scheduled++;

                if (first)
                {
                    first = false;
                    foreach (var game in (await sender.Send(new ListGames(league.Id), ct)).Where(g => g.Round <= 2))
                    {
                        await sender.Send(new RecordResult(game.Id, new ResultFields(random.Next(0, 12), random.Next(0, 12))), ct);
                    }
                }
            }
        }

        return (scheduled, unscheduled);
    }

    private static readonly string[] TriviaTeams =
    [
        "Quizzly Bears", "Trivia Newton John", "Les Quizerables", "Know It Ales", "The Smarty Pints", "Quiz Khalifa", "Agatha Quiztie",
        "Puns N' Roses", "The Brainy Bunch", "Cunning Linguists", "Trivial Pursuers", "Beer Necessities", "E=MC Hammered", "The Quizzard of Oz",
        "Answer Me This", "Nerd Herd", "The Fact Hunt", "Quizteama Aguilera", "Sherlock Homies", "The Think Tank",
    ];

    /// <summary>A trivia league per city, playing Tuesday nights at the city's Tap Room with 8 to 20 teams: the fake partner's nights are about them.</summary>
    private static async Task SeedTriviaAsync(ISender sender, Dictionary<string, Guid> cityIds, int year, Random random, CancellationToken ct)
    {
        foreach (var (city, cityId) in cityIds)
        {
            var venue = await sender.Send(new CreateVenue(new VenueFields(cityId, $"The Tap Room {city}", "300 Water St", ["Main Room"])), ct);
            var league = await sender.Send(new CreateLeague(new LeagueFields($"{city} Tuesday Trivia", "Trivia", cityId, year, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar League", LeagueStatus.Active)), ct);
            await sender.Send(new SetLeagueSlots(league.Id, [new SlotFields(venue.Id, "Main Room", new TimeOnly(19, 0), 120)]), ct);
            foreach (var name in TriviaTeams.OrderBy(_ => random.Next()).Take(random.Next(8, 21)))
            {
                await sender.Send(new CreateTeam(new TeamFields(name, league.Id, null, "Quinn Captain", null, null, 6, TeamStatus.Active)), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seasons: {Scheduled} fall leagues scheduled; {Unscheduled} left unscheduled because a league of the same night holds their venue's slots (as an admin would find them)")]
    private static partial void LogSeasons(ILogger logger, int scheduled, int unscheduled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Cities} cities with leagues, sponsors and teams, {Users} users")]
    private static partial void LogSeeded(ILogger logger, int cities, int users);
}
