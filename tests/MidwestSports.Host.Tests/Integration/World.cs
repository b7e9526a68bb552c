using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Identity.Contracts;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

public enum Persona
{
    Anonymous,
    MadisonViewer,
    MilwaukeeAdmin,
    ChicagoAdmin,
    SystemAdmin,
}

/// <summary>
/// A known world for access tests: Milwaukee, Chicago and Madison, and one user per persona holding the city
/// their name says. Rebuilt by <see cref="ResetAsync"/>: module tables emptied, cities created anew, grants updated.
/// </summary>
internal sealed class World
{
    public const string Password = "Test-Password-1!";

    private static readonly Dictionary<Persona, (Guid Id, string Token)> Users = [];

    private World(Guid milwaukee, Guid chicago, Guid madison)
    {
        Milwaukee = milwaukee;
        Chicago = chicago;
        Madison = madison;
    }

    public Guid Milwaukee { get; }

    public Guid Chicago { get; }

    public Guid Madison { get; }

    public static string Email(Persona persona) => $"{persona.ToString().ToLowerInvariant()}@test.example.org";

    public static async Task<World> ResetAsync()
    {
        await Database.Postgres.ResetAsync();
        var milwaukee = (await SendAsSystemAsync(new CreateCity("Milwaukee", "WI", "America/Chicago"))).Id;
        var chicago = (await SendAsSystemAsync(new CreateCity("Chicago", "IL", "America/Chicago"))).Id;
        var madison = (await SendAsSystemAsync(new CreateCity("Madison", "WI", "America/Chicago"))).Id;
        var world = new World(milwaukee, chicago, madison);
        foreach (var persona in Enum.GetValues<Persona>().Where(p => p != Persona.Anonymous))
        {
            await world.EnsureUserAsync(persona);
        }

        return world;
    }

    public static async Task<TResponse> SendAsSystemAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("test");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public static async Task<TResponse> SendAsSystemAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("test");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>
    /// Waits until an import's background work is done (analysis, commit or undo: no longer Analyzing or Committing,
    /// not undoing) and returns it; fails after 60 s.
    /// </summary>
    public static async Task<MidwestSports.Import.Contracts.ImportDto> ImportSettledAsync(Guid importId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var import = await SendAsSystemAsync(new MidwestSports.Import.Contracts.GetImport(importId));
            if (import.Status is not (MidwestSports.Import.Contracts.ImportStatus.Analyzing or MidwestSports.Import.Contracts.ImportStatus.Committing) && import.Message != "Undoing…")
            {
                return import;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Import {importId} is still {import.Status} after 60 s.");
            }

            await Task.Delay(50);
        }
    }

    public HttpClient Client(Persona persona, MidwestApp? app = null)
    {
        // No redirects followed: a page's 302 to the sign-in page must be seen as what it is.
        var client = (app ?? Database.App).CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (persona != Persona.Anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Users[persona].Token);
        }

        return client;
    }

    public Guid UserId(Persona persona) => Users[persona].Id;

    public IReadOnlyList<Guid> CitiesOf(Persona persona) => persona switch
    {
        Persona.MadisonViewer => [Madison],
        Persona.MilwaukeeAdmin => [Milwaukee],
        Persona.ChicagoAdmin => [Chicago],
        _ => [],
    };

    public static PlatformRole RoleOf(Persona persona) => persona switch
    {
        Persona.MadisonViewer => PlatformRole.CityViewer,
        Persona.SystemAdmin => PlatformRole.SystemAdmin,
        _ => PlatformRole.CityAdmin,
    };

    public async Task<LeagueDto> LeagueInAsync(Guid cityId, string name = "Tuesday Kickball") =>
        await SendAsSystemAsync(new CreateLeague(new LeagueFields(name, "Kickball", cityId, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Recreational", LeagueStatus.Active)));

    public async Task<MidwestSports.Sponsors.Contracts.SponsorDto> SponsorInAsync(Guid cityId, string name) =>
        await SendAsSystemAsync(new MidwestSports.Sponsors.Contracts.CreateSponsor(new MidwestSports.Sponsors.Contracts.SponsorFields(name, "Sam Owner", "sam@example.org", "414-555-0100", null, [cityId])));

    public async Task<MidwestSports.Teams.Contracts.TeamDto> TeamInAsync(Guid leagueId, string name, Guid? sponsorId = null) =>
        await SendAsSystemAsync(new MidwestSports.Teams.Contracts.CreateTeam(new MidwestSports.Teams.Contracts.TeamFields(
            name, leagueId, sponsorId, "Casey Captain", "casey@example.org", null, 12, MidwestSports.Teams.Contracts.TeamStatus.Active)));

    public static async Task<string> LoginAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private async Task EnsureUserAsync(Persona persona)
    {
        if (Users.TryGetValue(persona, out var known))
        {
            var current = await SendAsSystemAsync(new GetUser(known.Id));
            await SendAsSystemAsync(new UpdateUser(known.Id, current.DisplayName, RoleOf(persona), CitiesOf(persona), Disabled: false));
            return;
        }

        var user = await SendAsSystemAsync(new CreateUser(Email(persona), persona.ToString(), Password, RoleOf(persona), CitiesOf(persona)));
        using var client = Database.App.CreateClient();
        Users[persona] = (user.Id, await LoginAsync(client, Email(persona), Password));
    }
}
