namespace MidwestSports.Identity.Contracts;

/// <summary>How a sign-in is recorded in the audit log: the actor is the email (as typed, for a failure).</summary>
public static class SignInAudit
{
    public const string EntityType = "SignIn";

    public const string Succeeded = "SignedIn";

    public const string Failed = "SignInFailed";
}
