using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

/// <summary>
/// Pulls teams from the Teams module's Contracts: before a schedule is planned (its roster must be current, even for
/// teams bulk-loaded without events) and nightly, to repair any drift.
/// </summary>
internal sealed class RefreshLeagueTeamsHandler(LeaguesDbContext db, ITeamDirectory teams) : ICommandHandler<RefreshLeagueTeams, int>
{
    public async ValueTask<int> Handle(RefreshLeagueTeams command, CancellationToken cancellationToken)
    {
        var facts = command.LeagueId is { } leagueId
            ? await teams.TeamsOfLeagueAsync(leagueId, cancellationToken)
            : await teams.AllAsync(cancellationToken);
        return await TeamReplica.SyncAsync(db, facts, command.LeagueId, cancellationToken);
    }
}
