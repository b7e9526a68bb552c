using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Features;
using MidwestSports.Sponsors.Persistence;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Sponsors;

public sealed class SponsorsModule : IModule
{
    public string Name => "Sponsors";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SponsorsDbContext>(Name, SponsorsDbContext.SchemaName);
        services.AddAuditNames<SponsorsDbContext, Domain.Sponsor>(s => s.Id, s => s.Name);
        services.AddScoped<ISponsorDirectory, SponsorDirectory>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => SponsorEndpoints.Map(endpoints);
}
