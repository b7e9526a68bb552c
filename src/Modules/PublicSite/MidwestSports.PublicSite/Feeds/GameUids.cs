using System.Globalization;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.PublicSite.Feeds;

/// <summary>
/// What a subscribed calendar knows a game by. A regenerated schedule replaces its unplayed games with new rows (new
/// ids), so the UID comes from what the game is, not from its row: the league, the week and the two teams (either way
/// round) of a regular game, the bracket match of a playoff game. A game that stays through a regeneration keeps its
/// event; one that moves is updated in place (<see cref="Sequence"/> grows), never doubled.
/// </summary>
internal static class GameUids
{
    private const string Domain = "@midwestsports";

    private static readonly DateTimeOffset SequenceEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The UID of each game. Pass every game of the league that can share a week and pair with these (a league's games, or a
    /// team's): when one week holds the same pair twice, the later ones (by date and time, then id) get "-2", "-3", ...
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> Of(IEnumerable<PublicGame> games)
    {
        var uids = new Dictionary<Guid, string>();
        var ordered = games
            .OrderBy(g => g.Start ?? DateTimeOffset.MaxValue)
            .ThenBy(g => g.Id);
        foreach (var group in ordered.GroupBy(Identity, StringComparer.Ordinal))
        {
            var ordinal = 0;
            foreach (var game in group)
            {
                ordinal++;
                uids[game.Id] = ordinal == 1 ? group.Key + Domain : $"{group.Key}-{ordinal.ToString(CultureInfo.InvariantCulture)}{Domain}";
            }
        }

        return uids;
    }

    /// <summary>
    /// The event's SEQUENCE: the game's last change in seconds since 2020. It grows with every change, a regeneration's new
    /// row included (a version number would start again at 1 there and the change would be ignored).
    /// </summary>
    public static int Sequence(DateTimeOffset updatedAt) =>
        (int)Math.Clamp((long)Math.Floor((updatedAt - SequenceEpoch).TotalSeconds), 0, int.MaxValue);

    private static string Identity(PublicGame game)
    {
        var league = game.LeagueId.ToString("N");
        if (game.Kind == GameKind.Playoff && !string.IsNullOrEmpty(game.BracketCode))
        {
            return $"{league}-playoff-{game.BracketCode}";
        }

        if (game.Week is { } week)
        {
            var (first, second) = game.Home.Id.CompareTo(game.Away.Id) <= 0 ? (game.Home.Id, game.Away.Id) : (game.Away.Id, game.Home.Id);
            return $"{league}-week-{week.ToString(CultureInfo.InvariantCulture)}-{first:N}-{second:N}";
        }

        // Neither a week nor a bracket match: only the row says which game it is.
        return $"{league}-game-{game.Id:N}";
    }
}
