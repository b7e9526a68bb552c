using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;

namespace MidwestSports.Identity.Features;

internal sealed class SignInHandler(SignInManager<User> signInManager) : IRequestHandler<SignIn, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(SignIn request, CancellationToken cancellationToken)
    {
        signInManager.AuthenticationScheme = request.ForApi ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        var result = await signInManager.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
    }
}

internal sealed class SignOutHandler(SignInManager<User> signInManager) : IRequestHandler<SignOut, Unit>
{
    public async ValueTask<Unit> Handle(SignOut request, CancellationToken cancellationToken)
    {
        await signInManager.SignOutAsync();
        return Unit.Value;
    }
}

internal static class SignInEndpoints
{
    public sealed record LoginBody(string? Email, string? Password);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // On success the bearer handler has already written {"tokenType","accessToken","expiresIn","refreshToken"}.
        endpoints.MapPost("/api/auth/login", async (LoginBody body, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new SignIn(body.Email ?? string.Empty, body.Password ?? string.Empty, ForApi: true), ct);
                return outcome switch
                {
                    SignInOutcome.Succeeded => Results.Empty,
                    SignInOutcome.LockedOut => Results.Problem(
                        title: "Invalid email or password.",
                        detail: "Too many failed attempts: sign-in is locked for a while. Try again later.",
                        statusCode: StatusCodes.Status401Unauthorized),
                    _ => Results.Problem(title: "Invalid email or password.", statusCode: StatusCodes.Status401Unauthorized),
                };
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("Login")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
