using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features;

internal sealed class CityDirectory(LeaguesDbContext db) : ICityDirectory
{
    public async Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> cityIds, CancellationToken cancellationToken)
    {
        var ids = cityIds.ToArray();
        return (await db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
