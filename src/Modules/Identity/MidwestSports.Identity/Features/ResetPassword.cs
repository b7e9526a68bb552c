using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;

namespace MidwestSports.Identity.Features;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Token).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(256);
    }
}

internal sealed class ResetPasswordHandler(UserManager<User> users, SignInLockout lockout) : IRequestHandler<ResetPassword, Unit>
{
    private const string InvalidLink = "The reset link is invalid or has expired. Ask for a new one.";

    public async ValueTask<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());

        // An unknown or disabled account answers like a bad token: the form must not tell which emails exist.
        if (user is null || user.Disabled)
        {
            throw new ValidationException([new ValidationFailure("token", InvalidLink)]);
        }

        // Identity checks the token (bound to the security stamp, so single use), then the password policy, and
        // renews the stamp: every cookie and token issued before ends on its next request.
        var result = await users.ResetPasswordAsync(user, request.Token, request.NewPassword);
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                ? new ValidationFailure("token", InvalidLink)
                : new ValidationFailure("newPassword", e.Description)));
        }

        await lockout.ClearAccountAsync(SignInLockout.AccountKey(user.NormalizedEmail ?? string.Empty), cancellationToken);
        return Unit.Value;
    }
}

internal static class ResetPasswordEndpoint
{
    public sealed record Body(string? Email, string? Token, string? NewPassword);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/password-reset/confirm", async (Body body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ResetPassword(body.Email ?? string.Empty, body.Token ?? string.Empty, body.NewPassword ?? string.Empty), ct);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("ResetPassword")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
