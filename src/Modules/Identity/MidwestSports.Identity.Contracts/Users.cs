using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Identity.Contracts;

public sealed record UserDto(
    Guid Id,
    string Email,
    string DisplayName,
    PlatformRole Role,
    IReadOnlyList<Guid> CityIds,
    bool Disabled,
    DateTimeOffset? LockedOutUntil);

public sealed record ListUsers : IQuery<IReadOnlyList<UserDto>>;

public sealed record GetUser(Guid UserId) : IQuery<UserDto>;

public sealed record CreateUser(string Email, string DisplayName, string Password, PlatformRole Role, IReadOnlyList<Guid> CityIds) : ICommand<UserDto>;

/// <summary>Sets a user's name, role and cities, or disables them. Disabling ends their sessions and tokens at once.</summary>
public sealed record UpdateUser(Guid UserId, string DisplayName, PlatformRole Role, IReadOnlyList<Guid> CityIds, bool Disabled) : ICommand<UserDto>;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>
    /// Unknown email, wrong password, disabled user, or too many failures of this account from this client: one
    /// answer for all, so accounts cannot be enumerated and a lockout is not revealed.
    /// </summary>
    Failed,
}

/// <summary>The one answer to a failed sign-in, in the API and the UI alike.</summary>
public static class SignInMessages
{
    public const string Failed = "Invalid email or password.";

    public const string FailedDetail = "Check your email and password. After several failed attempts sign-in from this device pauses for a while; you can also reset your password.";
}

/// <summary>Checks a password and signs in: a cookie for the UI, a bearer token written to the response for the API.</summary>
public sealed record SignIn(string Email, string Password, bool ForApi) : IRequest<SignInOutcome>;

public sealed record SignOut : IRequest<Unit>;
