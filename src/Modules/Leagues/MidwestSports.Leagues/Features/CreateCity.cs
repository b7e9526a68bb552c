using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class CreateCityValidator : AbstractValidator<CreateCity>
{
    public CreateCityValidator() => CityRules.NameStateTimeZone(this, x => x.Name, x => x.State, x => x.TimeZone);
}

internal sealed class CreateCityHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<CreateCity, CityDto>
{
    public async ValueTask<CityDto> Handle(CreateCity command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var name = command.Name.Trim();
        var key = NameKeys.Of(name);
        if (await db.Cities.AnyAsync(c => EF.Property<string>(c, NameKeys.Column) == key, cancellationToken))
        {
            throw new ConflictException($"A city named '{name}' already exists.", "name");
        }

        var city = City.Create(command.Name, command.State, command.TimeZone, time.GetUtcNow());
        db.Cities.Add(city);
        db.AddToOutbox(city.ToChanged(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return city.ToDto();
    }
}

internal static class CreateCityEndpoint
{
    public static void Map(IEndpointRouteBuilder cities) =>
        cities.MapPost("/", async (CreateCity command, ISender sender, CancellationToken ct) =>
            {
                var city = await sender.Send(command, ct);
                return Results.Created($"/api/cities/{city.Id}", city);
            })
            .WithName("CreateCity")
            .Produces<CityDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
