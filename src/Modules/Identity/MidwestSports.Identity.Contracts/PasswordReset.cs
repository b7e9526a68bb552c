using Mediator;

namespace MidwestSports.Identity.Contracts;

/// <summary>Mails a reset link if the email belongs to an active user; answers the same either way.</summary>
public sealed record RequestPasswordReset(string Email) : IRequest<Unit>;

/// <summary>Sets a new password with the token from the reset mail; ends every session and clears the lockout.</summary>
public sealed record ResetPassword(string Email, string Token, string NewPassword) : IRequest<Unit>;

/// <summary>A system admin forces a reset: the password stops working, sessions end, and the user gets the reset mail.</summary>
public sealed record ForcePasswordReset(Guid UserId) : ICommand<Unit>;
