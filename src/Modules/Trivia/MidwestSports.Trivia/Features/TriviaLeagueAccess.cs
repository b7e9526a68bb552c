using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Features;

/// <summary>A trivia league as the caller may see it: another city's league, or a league of another sport, is 404.</summary>
internal sealed class TriviaLeagueAccess(ILeagueDirectory leagues, CurrentScope current)
{
    public async Task<LeagueFacts> ForReadAsync(Guid leagueId, CancellationToken ct)
    {
        var league = await leagues.FindAsync(leagueId, ct);
        if (league is null || !current.Scope.Includes(league.CityId) || !string.Equals(league.Sport, MidwestCandidates.TriviaSport, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotFoundException("Trivia league", leagueId);
        }

        return league;
    }

    public async Task<LeagueFacts> ForWriteAsync(Guid leagueId, CancellationToken ct)
    {
        var league = await ForReadAsync(leagueId, ct);
        current.Scope.EnsureCanWriteIn(league.CityId);
        return league;
    }
}
