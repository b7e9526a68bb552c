using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks that serialise the writes which read before they write: planning a
/// city's fields, and a league's results (coin flips, bracket advances). Released at commit or rollback.
/// </summary>
internal static class LeagueLocks
{
    public static Task CityScheduleAsync(LeaguesDbContext db, Guid cityId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext('schedule:' || {cityId.ToString()}))", ct);

    public static Task LeagueAsync(LeaguesDbContext db, Guid leagueId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext('league:' || {leagueId.ToString()}))", ct);

    /// <summary>Today where the league plays: a night is "gone" by the city's calendar, not the server's.</summary>
    public static async Task<DateOnly> TodayAsync(LeaguesDbContext db, Guid cityId, TimeProvider time, CancellationToken ct)
    {
        var zone = await db.Cities.Where(c => c.Id == cityId).Select(c => c.TimeZone).SingleAsync(ct);
        var now = time.GetUtcNow();
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, tz).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
    }
}
