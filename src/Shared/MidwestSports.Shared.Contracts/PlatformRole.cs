namespace MidwestSports.Shared.Contracts;

/// <summary>The three roles. A user holds exactly one.</summary>
public enum PlatformRole
{
    /// <summary>Reads within their cities, writes nothing.</summary>
    CityViewer = 0,

    /// <summary>Reads and writes everything within their cities.</summary>
    CityAdmin = 1,

    /// <summary>All cities, present and future; manages users and cities.</summary>
    SystemAdmin = 2,
}
