using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Identity.Features;

internal sealed class ForcePasswordResetHandler(UserManager<User> users, PasswordResetMail mail, CurrentScope current)
    : ICommandHandler<ForcePasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(ForcePasswordReset command, CancellationToken cancellationToken)
    {
        current.Scope.EnsureSystemAdmin();
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("User", command.UserId);
        if (user.Id == current.Scope.UserId)
        {
            throw new ConflictException("Reset your own password from the sign-in page, so that you are not signed out of this session.");
        }

        // Removing the password also renews the security stamp: the old password stops working, and every
        // session and token of the user ends on its next request (for a suspected compromise).
        UserRules.ThrowIfFailed(await users.RemovePasswordAsync(user));
        await mail.SendAsync(user, cancellationToken);
        return Unit.Value;
    }
}

internal static class ForcePasswordResetEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/users/{id:guid}/password-reset", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ForcePasswordReset(id), ct);
                return Results.Accepted();
            })
            .RequireAuthorization(AccessPolicies.SystemAdmin)
            .WithTags("Users")
            .WithName("ForcePasswordReset")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
