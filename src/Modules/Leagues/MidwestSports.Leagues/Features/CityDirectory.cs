using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;

namespace MidwestSports.Leagues.Features;

/// <summary>Answers other modules' synchronous questions about cities and leagues. Unscoped: callers apply their own scope.</summary>
internal sealed class CityDirectory(LeaguesDbContext db) : ICityDirectory, ILeagueDirectory, IVenueDirectory
{
    public async Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> cityIds, CancellationToken cancellationToken)
    {
        var ids = cityIds.ToArray();
        return (await db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<CityDto>> AllAsync(CancellationToken cancellationToken) =>
        await db.Cities.AsNoTracking().Select(c => new CityDto(c.Id, c.Name, c.State, c.TimeZone, c.Version)).ToListAsync(cancellationToken);

    public async Task<LeagueFacts?> FindAsync(Guid leagueId, CancellationToken cancellationToken) =>
        await Facts(db.Leagues.Where(l => l.Id == leagueId)).SingleOrDefaultAsync(cancellationToken);

    async Task<IReadOnlyList<LeagueFacts>> ILeagueDirectory.AllAsync(CancellationToken cancellationToken) =>
        await Facts(db.Leagues).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LeagueDto>> DetailsAsync(CancellationToken cancellationToken) =>
        await db.Leagues.AsNoTracking().OrderBy(l => l.Id).Join(db.Cities, l => l.CityId, c => c.Id, (l, c) =>
            new LeagueDto(l.Id, l.Name, l.Sport, l.CityId, c.Name, l.SeasonYear, l.Term, l.Night, l.Level, l.Status, l.Version, l.CreatedAt, l.PublicVisible))
            .ToListAsync(cancellationToken);

    async Task<IReadOnlyList<VenueFacts>> IVenueDirectory.AllAsync(CancellationToken cancellationToken) =>
        await db.Venues.AsNoTracking()
            .Join(db.Cities, v => v.CityId, c => c.Id, (v, c) => new { v.Id, v.CityId, CityName = c.Name, v.Name })
            .OrderBy(v => v.CityName).ThenBy(v => v.Name)
            .Select(v => new VenueFacts(v.Id, v.CityId, v.CityName, v.Name))
            .ToListAsync(cancellationToken);

    private IQueryable<LeagueFacts> Facts(IQueryable<Domain.League> leagues) =>
        leagues.AsNoTracking().Join(db.Cities, l => l.CityId, c => c.Id, (l, c) =>
            new LeagueFacts(l.Id, l.CityId, c.Name, c.Version, l.Name, l.Sport, l.SeasonYear, l.Term, l.Status, l.Version));
}
