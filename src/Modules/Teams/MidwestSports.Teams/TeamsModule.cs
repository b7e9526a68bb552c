using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Teams.Persistence;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Teams;

public sealed class TeamsModule : IModule
{
    public string Name => "Teams";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TeamsDbContext>(Name, TeamsDbContext.SchemaName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
