using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Trivia.Persistence;

/// <summary>
/// Names a league's trivia rules in the audit log by the league's name: the rules are keyed by the league's id, and
/// Leagues owns that name (asked through its directory, never its tables).
/// </summary>
internal sealed class TriviaRulesAuditNames(ILeagueDirectory leagues) : IAuditNames
{
    public string Kind => nameof(Domain.TriviaLeagueRules);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            if (await leagues.FindAsync(id, cancellationToken) is { } league)
            {
                names[id] = league.Name;
            }
        }

        return names;
    }
}
