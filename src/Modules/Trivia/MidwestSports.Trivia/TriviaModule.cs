using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Trivia;

public sealed class TriviaModule : IModule
{
    public string Name => "Trivia";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TriviaDbContext>(Name, TriviaDbContext.SchemaName);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
