using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Shared.Access;

/// <summary>
/// Who is acting and which cities they may touch. Every module's queries filter by it and every command
/// checks it: in the UI, the API, exports and jobs alike. The default is <see cref="None"/>: no city, no write.
/// </summary>
public sealed record CityScope(Guid? UserId, string Actor, PlatformRole Role, IReadOnlySet<Guid> CityIds)
{
    /// <summary>Nobody: sees nothing, writes nothing. What an unset scope means, so a forgotten scope fails closed.</summary>
    public static CityScope None { get; } = new(null, "anonymous", PlatformRole.CityViewer, new HashSet<Guid>());

    public bool AllCities => Role == PlatformRole.SystemAdmin;

    public bool CanWrite => Role is PlatformRole.CityAdmin or PlatformRole.SystemAdmin;

    public bool IsSystemAdmin => Role == PlatformRole.SystemAdmin;

    /// <summary>The ids a query may return rows of; only meaningful when <see cref="AllCities"/> is false.</summary>
    public Guid[] CityIdArray { get; } = [.. CityIds];

    /// <summary>A background job acting for the platform itself, across all cities. Jobs must say so explicitly.</summary>
    public static CityScope System(string job) => new(null, "job:" + job, PlatformRole.SystemAdmin, new HashSet<Guid>());

    public bool Includes(Guid cityId) => AllCities || CityIds.Contains(cityId);

    /// <summary>403 for a read-only user. Call before any change.</summary>
    public void EnsureCanWrite()
    {
        if (!CanWrite)
        {
            throw new ForbiddenException("Your role can read but not change data.");
        }
    }

    /// <summary>403 when the user may write but not in <paramref name="cityId"/> (moving or creating into another city).</summary>
    public void EnsureCanWriteIn(Guid cityId)
    {
        EnsureCanWrite();
        if (!Includes(cityId))
        {
            throw new ForbiddenException("You do not hold that city.");
        }
    }

    public void EnsureSystemAdmin()
    {
        if (!IsSystemAdmin)
        {
            throw new ForbiddenException("Only a system admin may do this.");
        }
    }
}

/// <summary>The current unit of work's scope. Set once by the Host (per request, per UI call, per job).</summary>
public sealed class CurrentScope
{
    public CityScope Scope { get; set; } = CityScope.None;

    /// <summary>Why the current change is made (a score correction, an override); recorded in the audit log.</summary>
    public string? AuditReason { get; set; }
}

/// <summary>An entity that belongs to one city.</summary>
public interface ICityOwned
{
    Guid CityId { get; }
}

public static class CityScopeQueries
{
    /// <summary>Rows of the scope's cities only (all rows for a system admin). An out-of-scope id then reads as not found.</summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, CityScope scope)
        where T : class, ICityOwned
    {
        if (scope.AllCities)
        {
            return query;
        }

        var cities = scope.CityIdArray;
        return query.Where(e => cities.Contains(e.CityId));
    }
}
