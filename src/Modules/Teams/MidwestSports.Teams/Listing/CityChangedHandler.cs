using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Keeps <see cref="CityName"/> current. The inbox makes a repeated delivery a no-op; the version guard makes
/// an older event that arrives late a no-op too.
/// </summary>
internal sealed class CityChangedHandler(TeamsDbContext db, TimeProvider time) : INotificationHandler<CityChanged>
{
    public async ValueTask Handle(CityChanged notification, CancellationToken cancellationToken) =>
        await db.HandleOnceAsync(notification, nameof(CityChangedHandler), time.GetUtcNow(), async ct =>
            {
                await UpsertAsync(db, notification.CityId, notification.Name, notification.Version, ct);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE teams.team_listing SET city_name = {notification.Name}, city_version = {notification.Version}
                    WHERE city_id = {notification.CityId} AND city_version < {notification.Version}
                    """,
                    ct);
            },
            cancellationToken);

    public static Task<int> UpsertAsync(TeamsDbContext db, Guid cityId, string name, long version, CancellationToken ct) =>
        NameReplica.Cities.UpsertAsync(db, cityId, [name], version, ct);
}
