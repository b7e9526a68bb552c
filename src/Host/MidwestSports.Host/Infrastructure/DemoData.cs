using Mediator;
using MidwestSports.Identity.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Development only: four cities with leagues, and one user per role, all through the modules' own commands
/// (so their events flow as in production). Runs once: it does nothing when cities exist.
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
    ];

    public static string Password(IConfiguration configuration) =>
        configuration["MIDWEST_DEMO_PASSWORD"] is { Length: > 0 } password ? password : "Midwest-Demo-1";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
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

        var password = Password(configuration);
        foreach (var (email, name, role, city) in Users)
        {
            await sender.Send(new CreateUser(email, name, password, role, city is null ? [] : [cityIds[city]]), cancellationToken);
        }

        LogSeeded(logger, cityIds.Count, Users.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Cities} cities with leagues, {Users} users")]
    private static partial void LogSeeded(ILogger logger, int cities, int users);
}
