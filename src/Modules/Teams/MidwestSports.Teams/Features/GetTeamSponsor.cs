using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features;

/// <summary>Not scoped to a user's cities: a sponsor on a team's shirt is public, and the public site asks anonymously.</summary>
internal sealed class GetTeamSponsorHandler(TeamsDbContext db) : IQueryHandler<GetTeamSponsor, Guid?>
{
    public async ValueTask<Guid?> Handle(GetTeamSponsor query, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().Where(t => t.Id == query.TeamId).Select(t => t.SponsorId).SingleOrDefaultAsync(cancellationToken);
}
