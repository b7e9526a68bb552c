using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;
using MidwestSports.Identity.Persistence;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Identity.Features;

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator(ICityDirectory cities)
    {
        RuleFor(x => x.Email).RequiredText(256).EmailAddress();
        RuleFor(x => x.DisplayName).RequiredText(100);
        RuleFor(x => x.Password).NotEmpty().Must(p => !TextRules.HasControlCharacters(p, multiline: false)).WithMessage("Password must not contain control characters.").MaximumLength(128);
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.CityIds).NotNull().MustAsync(async (ids, ct) => await UserRules.AllExistAsync(cities, ids, ct))
            .WithMessage("Every city must exist.");
    }
}

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator(ICityDirectory cities)
    {
        RuleFor(x => x.DisplayName).RequiredText(100);
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.CityIds).NotNull().MustAsync(async (ids, ct) => await UserRules.AllExistAsync(cities, ids, ct))
            .WithMessage("Every city must exist.");
    }
}

internal static class UserRules
{
    public static async Task<bool> AllExistAsync(ICityDirectory cities, IReadOnlyList<Guid>? ids, CancellationToken ct) =>
        ids is null || ids.Count == 0 || (await cities.ExistingAsync(ids, ct)).Count == ids.Distinct().Count();

    /// <summary>Identity's own failures (weak password, duplicate email) as field errors: a 400 like any other.</summary>
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
            e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user",
            e.Description)));
    }
}

internal sealed class ListUsersHandler(IdentityDb db, CurrentScope current) : IQueryHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var users = await db.Users.AsNoTracking().Include(u => u.Cities).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. users.Select(u => u.ToDto())];
    }
}

internal sealed class GetUserHandler(IdentityDb db, CurrentScope current) : IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var user = await db.Users.AsNoTracking().Include(u => u.Cities).SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken)
            ?? throw new NotFoundException("User", query.UserId);
        return user.ToDto();
    }
}

internal sealed class CreateUserHandler(UserManager<User> users, CurrentScope current, TimeProvider time) : ICommandHandler<CreateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var email = command.Email.Trim();
        var user = new User
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = command.DisplayName.Trim(),
            Role = command.Role,
            CreatedAt = time.GetUtcNow(),
        };
        user.SetCities(command.Role == Shared.Contracts.PlatformRole.SystemAdmin ? [] : command.CityIds);
        UserRules.ThrowIfFailed(await users.CreateAsync(user, command.Password));
        return user.ToDto();
    }
}

internal sealed class UpdateUserHandler(IdentityDb db, UserManager<User> users, CurrentScope current) : ICommandHandler<UpdateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var user = await db.Users.Include(u => u.Cities).SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException("User", command.UserId);
        if (user.Id == current.Scope.UserId && (command.Disabled || command.Role != Shared.Contracts.PlatformRole.SystemAdmin))
        {
            throw new ConflictException("You cannot disable yourself or give up your own system admin role.");
        }

        var disabling = command.Disabled && !user.Disabled;
        user.DisplayName = command.DisplayName.Trim();
        user.Role = command.Role;
        user.Disabled = command.Disabled;
        user.SetCities(command.Role == Shared.Contracts.PlatformRole.SystemAdmin ? [] : command.CityIds);
        if (disabling)
        {
            // A new stamp invalidates every cookie and token issued before: their sessions end on the next request.
            await users.UpdateSecurityStampAsync(user);
        }

        await db.SaveChangesAsync(cancellationToken);
        return user.ToDto();
    }
}

internal static class UserEndpoints
{
    public sealed record UserBody(string? Email, string? DisplayName, string? Password, Shared.Contracts.PlatformRole Role, List<Guid>? CityIds, bool Disabled);

    /// <summary>What an update may change: the email and password are not (a password changes by reset only).</summary>
    public sealed record UserUpdateBody(string? DisplayName, Shared.Contracts.PlatformRole Role, List<Guid>? CityIds, bool Disabled);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AccessPolicies.SystemAdmin);
        users.MapGet("/", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListUsers(), ct))).WithName("ListUsers")
            .Produces<IReadOnlyList<UserDto>>();
        users.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetUser(id), ct)))
            .WithName("GetUser")
            .Produces<UserDto>();
        users.MapPost("/", async (UserBody body, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(new CreateUser(body.Email ?? string.Empty, body.DisplayName ?? string.Empty, body.Password ?? string.Empty, body.Role, body.CityIds ?? []), ct);
                return Results.Created($"/api/users/{user.Id}", user);
            })
            .WithName("CreateUser")
            .Produces<UserDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        users.MapPut("/{id:guid}", async (Guid id, UserUpdateBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateUser(id, body.DisplayName ?? string.Empty, body.Role, body.CityIds ?? [], body.Disabled), ct)))
            .WithName("UpdateUser")
            .Produces<UserDto>()
            .ProducesValidationProblem();
    }
}
