using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Identity.Contracts;
using MidwestSports.Identity.Domain;
using MidwestSports.Identity.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Auditing;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Identity.Features;

/// <summary>
/// Checks a password without telling an attacker anything: an unknown email, a wrong password, a disabled user and
/// a locked account/client pair give the same outcome after the same work (one database read, one password hash,
/// one failure recorded), so neither the answer nor its timing enumerates accounts or reveals a lockout.
/// </summary>
/// <summary>Absurd input is refused before anything is looked up or counted: a 1 MB "email" is no sign-in attempt.</summary>
internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public const int MaxEmail = 256;
    public const int MaxPassword = 256;

    public SignInValidator()
    {
        RuleFor(x => x.Email).OptionalText(MaxEmail);
        RuleFor(x => x.Password).MaximumLength(MaxPassword).Must(p => !TextRules.HasControlCharacters(p, multiline: false))
            .WithMessage("Password must not contain control characters.");
    }
}

internal sealed class SignInHandler(
    SignInManager<User> signInManager,
    UserManager<User> users,
    IPasswordHasher<User> hasher,
    SignInLockout lockout,
    IdentityDb db,
    TimeProvider time,
    IHttpContextAccessor http) : IRequestHandler<SignIn, SignInOutcome>
{
    private static readonly User Nobody = new();
    private static string? dummyHash;

    public async ValueTask<SignInOutcome> Handle(SignIn request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        var account = SignInLockout.AccountKey(users.NormalizeEmail(email) ?? string.Empty);
        var client = ClientAddress.Of(http.HttpContext);
        var locked = await lockout.IsLockedAsync(account, client, cancellationToken);
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);

        // Hashed with the same hasher and options as a real password, so a miss costs what a hit costs.
        dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        var passwordMatches = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? dummyHash, request.Password)
            is not PasswordVerificationResult.Failed && user?.PasswordHash is not null;

        if (user is null || !passwordMatches || locked || !await signInManager.CanSignInAsync(user))
        {
            await lockout.RecordFailureAsync(account, client, cancellationToken);
            await AuditAsync(SignInAudit.Failed, user?.Id, email, cancellationToken);
            return SignInOutcome.Failed;
        }

        await lockout.ClearAsync(account, client, cancellationToken);
        signInManager.AuthenticationScheme = request.ForApi ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        await signInManager.SignInAsync(user, isPersistent: false);
        await AuditAsync(SignInAudit.Succeeded, user.Id, user.Email ?? email, cancellationToken);
        return SignInOutcome.Succeeded;
    }

    /// <summary>
    /// A sign-in is no entity change, so the interceptor never sees it: it is written as an entry of its own, for
    /// system admins (no city), on both paths alike so the timing tells nothing.
    /// </summary>
    private async Task AuditAsync(string action, Guid? userId, string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            UserId = userId,
            Actor = email.Length > SignInValidator.MaxEmail ? email[..SignInValidator.MaxEmail] : email,
            EntityType = SignInAudit.EntityType,
            EntityId = userId?.ToString() ?? string.Empty,
            Action = action,
        });
        await db.SaveChangesAsync(cancellationToken);
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
                return outcome == SignInOutcome.Succeeded
                    ? Results.Empty
                    : Results.Problem(title: SignInMessages.Failed, detail: SignInMessages.FailedDetail, statusCode: StatusCodes.Status401Unauthorized);
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("Login")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
