using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Features;
using MidwestSports.Teams.Persistence;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Teams;

public sealed class TeamsModule : IModule
{
    public string Name => "Teams";

    public IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        // Nightly reconciliation: repairs any drift between the listing and the other modules' truth.
        new("teams-listing-reconcile", "30 2 * * *", (services, ct) => services.GetRequiredService<ISender>().Send(new RebuildTeamListing(), ct).AsTask()),
    ];

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TeamsDbContext>(Name, TeamsDbContext.SchemaName);
        services.AddAuditNames<TeamsDbContext, Domain.Team>(t => t.Id, t => t.Name);
        services.AddAuditNames<TeamsDbContext, Domain.Player>(p => p.Id, p => p.Name);
        services.AddScoped<TeamRules>();
        services.AddScoped<Features.Players.Roster>();
        services.AddScoped<ITeamDirectory, TeamDirectory>();
        services.AddScoped<Listing.TeamListingDatabase>();
        services.AddSingleton<Listing.ListingWork>();
        services.AddHostedService(sp => sp.GetRequiredService<Listing.ListingWork>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => TeamEndpoints.Map(endpoints);
}
