using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Features;

internal sealed class ListCitiesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListCities, IReadOnlyList<CityDto>>
{
    public async ValueTask<IReadOnlyList<CityDto>> Handle(ListCities query, CancellationToken cancellationToken) =>
        await CityQueries.InScope(db, current.Scope)
            .OrderBy(c => c.Name)
            .Select(c => new CityDto(c.Id, c.Name, c.State, c.TimeZone, c.Version))
            .ToListAsync(cancellationToken);
}

internal sealed class GetCityHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetCity, CityDto>
{
    public async ValueTask<CityDto> Handle(GetCity query, CancellationToken cancellationToken) =>
        await CityQueries.InScope(db, current.Scope)
            .Where(c => c.Id == query.CityId)
            .Select(c => new CityDto(c.Id, c.Name, c.State, c.TimeZone, c.Version))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("City", query.CityId);
}

internal static class CityQueries
{
    /// <summary>The caller's cities (all of them for a system admin), read-only.</summary>
    public static IQueryable<Domain.City> InScope(LeaguesDbContext db, CityScope scope)
    {
        var cities = db.Cities.AsNoTracking();
        if (scope.AllCities)
        {
            return cities;
        }

        var ids = scope.CityIdArray;
        return cities.Where(c => ids.Contains(c.Id));
    }
}

internal static class CityQueryEndpoints
{
    public static void Map(IEndpointRouteBuilder cities)
    {
        cities.MapGet("/", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListCities(), ct)))
            .WithName("ListCities")
            .Produces<IReadOnlyList<CityDto>>();
        cities.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetCity(id), ct)))
            .WithName("GetCity")
            .Produces<CityDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
