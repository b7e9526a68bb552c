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

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var cities = endpoints.MapGroup("/api/cities").WithTags("Cities").RequireAuthorization(AccessPolicies.CityUser);
        CityQueryEndpoints.Map(cities);
        CreateCityEndpoint.Map(cities);
        UpdateCityEndpoint.Map(cities);
        LeagueEndpoints.Map(endpoints);
        OperationsEndpoints.Map(endpoints);
    }
}
