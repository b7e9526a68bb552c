namespace MidwestSports.Shared.Access;

/// <summary>
/// The authorization policies every endpoint names explicitly. City filtering happens in the handlers; these
/// say who may call at all.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in, active user (viewer, city admin, system admin). Data is still limited to their cities.</summary>
    public const string CityUser = "CityUser";

    /// <summary>System admins only: users, cities, the jobs dashboard.</summary>
    public const string SystemAdmin = "SystemAdmin";
}
