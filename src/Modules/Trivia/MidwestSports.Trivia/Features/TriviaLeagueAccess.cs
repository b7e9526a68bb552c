using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Features;

/// <summary>A trivia league as the caller may see it: another city's league, or a league of another sport, is 404.</summary>
internal sealed class TriviaLeagueAccess(ILeagueDirectory leagues, CurrentScope current, Mediator.ISender sender)
{
    /// <summary>A trivia league the public site may show (published by the Leagues module's rules), for anyone; null otherwise.</summary>
    public async Task<LeagueFacts?> PublishedAsync(Guid leagueId, CancellationToken ct)
    {
        var league = await leagues.FindAsync(leagueId, ct);
        return league is not null && string.Equals(league.Sport, MidwestCandidates.TriviaSport, StringComparison.OrdinalIgnoreCase)
            && await sender.Send(new IsLeaguePublic(leagueId), ct)
            ? league
            : null;
    }

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
