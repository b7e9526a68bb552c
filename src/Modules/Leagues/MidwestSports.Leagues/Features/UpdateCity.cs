using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class UpdateCityValidator : AbstractValidator<UpdateCity>
{
    public UpdateCityValidator() => CityRules.NameStateTimeZone(this, x => x.Name, x => x.State, x => x.TimeZone);
}

internal sealed class UpdateCityHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<UpdateCity, CityDto>
{
    public async ValueTask<CityDto> Handle(UpdateCity command, CancellationToken cancellationToken)
    {
        if (!current.Scope.Includes(command.CityId))
        {
            throw new NotFoundException("City", command.CityId);
        }

        current.Scope.EnsureSystemAdmin();
        var city = await db.Cities.SingleOrDefaultAsync(c => c.Id == command.CityId, cancellationToken)
            ?? throw new NotFoundException("City", command.CityId);
        preconditions.Verify("City", city.Version, command.Version);
        var name = command.Name.Trim();
        var key = NameKeys.Of(name);
        if (await db.Cities.AnyAsync(c => c.Id != city.Id && EF.Property<string>(c, NameKeys.Column) == key, cancellationToken))
        {
            throw new ConflictException($"A city named '{name}' already exists.", "name");
        }

        city.Update(command.Name, command.State, command.TimeZone);
        db.AddToOutbox(city.ToChanged(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return city.ToDto();
    }
}

internal static class UpdateCityEndpoint
{
    public sealed record Body(string Name, string State, string TimeZone, long? Version = null);

    public static void Map(IEndpointRouteBuilder cities) =>
        cities.MapPut("/{id:guid}", async (Guid id, Body body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateCity(id, body.Name, body.State, body.TimeZone, body.Version), ct)))
            .WithName("UpdateCity")
            .Produces<CityDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
