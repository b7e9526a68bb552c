using System.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Import.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>
/// What the home page asks the modules (issue 13): teams to chase (no sponsor, no way to reach the captain) and imports
/// waiting for someone, each of the caller's cities only.
/// </summary>
public sealed class HomeQueriesTests
{
    private World world = null!;

    [SetUp]
    public async Task SetUpAsync() => world = await World.ResetAsync();

    [Test]
    public async Task ListTeamsMissingDetails_CityAdmin_CountsActiveTeamsOfTheirCityOnly()
    {
        var league = await world.LeagueInAsync(world.Milwaukee);
        var chicagoLeague = await world.LeagueInAsync(world.Chicago);
        var sponsor = await world.SponsorInAsync(world.Milwaukee, "Joe's Pub");
        await world.TeamInAsync(league.Id, "Sponsored Otters", sponsor.Id);
        await world.TeamInAsync(league.Id, "Plain Herons");
        await TeamAsync(league.Id, "Unreachable Moles", email: null, phone: null, TeamStatus.Active);
        await TeamAsync(league.Id, "Phone Only Larks", email: null, phone: "414-555-0101", TeamStatus.Active);
        await TeamAsync(league.Id, "Withdrawn Ghosts", email: null, phone: null, TeamStatus.Withdrawn);
        await TeamAsync(chicagoLeague.Id, "Chicago Silent Bears", email: null, phone: null, TeamStatus.Active);

        var milwaukee = await SendAsAsync(Persona.MilwaukeeAdmin, new ListTeamsMissingDetails());
        var system = await SendAsAsync(Persona.SystemAdmin, new ListTeamsMissingDetails(Sample: 1));

        Assert.Multiple(() =>
        {
            Assert.That(milwaukee.WithoutSponsor, Is.EqualTo(3));
            Assert.That(milwaukee.WithoutSponsorSample.Select(t => t.Name), Is.EqualTo(new[] { "Phone Only Larks", "Plain Herons", "Unreachable Moles" }));
            Assert.That(milwaukee.WithoutCaptainContact, Is.EqualTo(1));
            Assert.That(milwaukee.WithoutCaptainContactSample.Single().Name, Is.EqualTo("Unreachable Moles"));
            Assert.That(system.WithoutSponsor, Is.EqualTo(4));
            Assert.That(system.WithoutCaptainContact, Is.EqualTo(2));
            Assert.That(system.WithoutCaptainContactSample.Single().Name, Is.EqualTo("Chicago Silent Bears"));
        });
    }

    [Test]
    public async Task ListImportsNeedingAttention_CityAdmin_ReadyAndFailedOfTheirCityOnly()
    {
        var ready = await ImportAsync("milwaukee-ready.csv", world.Milwaukee);
        var failed = await ImportAsync("milwaukee-failed.csv", world.Milwaukee);
        await ImportAsync("chicago-ready.csv", world.Chicago);
        await Database.Postgres.ExecuteAsync("UPDATE import.imports SET status = 'Failed' WHERE id = $1", failed);

        var milwaukee = await SendAsAsync(Persona.MilwaukeeAdmin, new ListImportsNeedingAttention());
        var madison = await SendAsAsync(Persona.MadisonViewer, new ListImportsNeedingAttention());
        var system = await SendAsAsync(Persona.SystemAdmin, new ListImportsNeedingAttention());

        Assert.Multiple(() =>
        {
            Assert.That((milwaukee.Ready, milwaukee.Failed), Is.EqualTo((1, 1)));
            Assert.That(milwaukee.Newest.Select(i => i.Id), Is.EquivalentTo(new[] { ready, failed }));
            Assert.That((madison.Ready, madison.Failed, madison.Newest.Count), Is.EqualTo((0, 0, 0)));
            Assert.That((system.Ready, system.Failed), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void ListImportsNeedingAttention_SampleTooLarge_IsRefusedWithTheField()
    {
        var error = Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsAsync(Persona.MilwaukeeAdmin, new ListImportsNeedingAttention(Sample: 51)));

        Assert.That(error!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "Sample" }));
    }

    private static async Task TeamAsync(Guid leagueId, string name, string? email, string? phone, TeamStatus status) =>
        await World.SendAsSystemAsync(new CreateTeam(new TeamFields(name, leagueId, null, "Casey Captain", email, phone, 12, status)));

    private static async Task<Guid> ImportAsync(string fileName, Guid cityId)
    {
        var created = await World.SendAsSystemAsync(new StartImport(fileName, Encoding.UTF8.GetBytes("Name\nLake Shore Lanes\n"), ImportKind.Sponsors, cityId));
        await World.ImportSettledAsync(created.Id);
        return created.Id;
    }

    private async Task<TResponse> SendAsAsync<TResponse>(Persona persona, IQuery<TResponse> query)
    {
        await using var scope = Database.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope =
            new CityScope(world.UserId(persona), World.Email(persona), World.RoleOf(persona), world.CitiesOf(persona).ToHashSet());
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }
}
