using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Features;
using MidwestSports.Shared.Access;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Leagues;

public sealed class LeaguesModule : IModule
{
    public string Name => "Leagues";

    public IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        // Nightly: the schedules' team replica made equal to the Teams module's truth (repairs any lost event).
        new("leagues-team-replica-reconcile", "45 2 * * *", (services, ct) => services.GetRequiredService<Mediator.ISender>().Send(new RefreshLeagueTeams(), ct).AsTask()),
    ];

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LeaguesDbContext>(Name, LeaguesDbContext.SchemaName);
        services.AddAuditNames<LeaguesDbContext, Domain.City>(c => c.Id, c => c.Name);
        services.AddAuditNames<LeaguesDbContext, Domain.League>(l => l.Id, l => l.Name);
        services.AddAuditNames<LeaguesDbContext, Domain.Venue>(v => v.Id, v => v.Name);
        services.AddScoped<CityDirectory>();
        services.AddScoped<ICityDirectory>(sp => sp.GetRequiredService<CityDirectory>());
        services.AddScoped<ILeagueDirectory>(sp => sp.GetRequiredService<CityDirectory>());
        services.AddScoped<IVenueDirectory>(sp => sp.GetRequiredService<CityDirectory>());
    }

    /// <summary>
    /// Every route of the module starts here: one group per resource, made once, and each area's file maps into it.
    /// <c>/api/leagues</c> holds two areas, the league itself and its season, each under its own OpenAPI tag.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var cities = endpoints.MapGroup("/api/cities").WithTags("Cities").RequireAuthorization(AccessPolicies.CityUser);
        CityQueryEndpoints.Map(cities);
        CreateCityEndpoint.Map(cities);
        UpdateCityEndpoint.Map(cities);

        var leagues = endpoints.MapGroup("/api/leagues").RequireAuthorization(AccessPolicies.CityUser);
        LeagueEndpoints.Map(leagues.MapGroup(string.Empty).WithTags("Leagues"));
        SeasonEndpoints.Map(leagues.MapGroup(string.Empty).WithTags("Schedules"));

        VenueEndpoints.Map(endpoints.MapGroup("/api/venues").WithTags("Venues").RequireAuthorization(AccessPolicies.CityUser));
        GameEndpoints.Map(endpoints.MapGroup("/api/games").WithTags("Schedules").RequireAuthorization(AccessPolicies.CityUser));
    }
}
