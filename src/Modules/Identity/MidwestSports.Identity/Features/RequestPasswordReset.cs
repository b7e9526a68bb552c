using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;

namespace MidwestSports.Identity.Features;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() => RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
}

internal sealed class RequestPasswordResetHandler(UserManager<User> users, PasswordResetMail mail) : IRequestHandler<RequestPasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());

        // Unknown and disabled accounts get no mail and the same answer, so the form enumerates nothing.
        if (user is { Disabled: false })
        {
            await mail.SendAsync(user, cancellationToken);
        }

        return Unit.Value;
    }
}

internal static class RequestPasswordResetEndpoint
{
    public sealed record Body(string? Email);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/password-reset", async (Body body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RequestPasswordReset(body.Email ?? string.Empty), ct);
                return Results.Accepted();
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("RequestPasswordReset")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
