using System.Globalization;

namespace MidwestSports.Leagues.Domain.Standings;

/// <summary>
/// Tallies each team's record and orders the table by the league's tie-breaker rule set.
/// </summary>
/// <remarks>
/// The whole league is treated as one tied group, so the first rule (win %) sorts it into tiers and every tier is
/// then broken like any other tie. Published rec-league rules restart the criteria once a team is separated: after
/// a rule splits a group, each piece that still holds two or more teams starts again at the first rule of the list
/// for its new size. That is what lets head-to-head be recomputed among only the teams still tied.
/// </remarks>
internal static class StandingsCalculator
{
    public static StandingsTable Compute(StandingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DifferentialCap is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.DifferentialCap, "The differential cap cannot be negative.");
        }

        var lines = new Dictionary<Guid, TeamLine>();
        foreach (var team in input.Teams)
        {
            if (!lines.TryAdd(team.TeamId, new TeamLine(team)))
            {
                throw new ArgumentException($"Team {team.TeamId} is listed twice.", nameof(input));
            }
        }

        var meetings = new List<Meeting>(input.Games.Count);
        foreach (var game in input.Games)
        {
            meetings.Add(Record(game, lines, input.DifferentialCap));
        }

        var ranking = new Ranking(input, meetings);
        var ordered = ranking.Order([.. lines.Values.Order(ByName.Instance)]);

        var rows = new List<StandingsRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var line = ordered[i];
            var because = i < ordered.Count - 1 ? ranking.Reasons.GetValueOrDefault(line.Team.TeamId) : null;
            rows.Add(new StandingsRow(
                i + 1,
                line.Team.TeamId,
                line.Team.Name,
                line.Played,
                line.Won,
                line.Lost,
                line.Tied,
                line.Forfeits,
                line.WinPercentage,
                line.PointsFor,
                line.PointsAgainst,
                line.Differential,
                line.CappedDifferential,
                because));
        }

        return new StandingsTable(rows, input.Rules, ranking.NeedsCoinFlip);
    }

    private static Meeting Record(CompletedGame game, Dictionary<Guid, TeamLine> lines, int? cap)
    {
        if (game.HomeTeamId == game.AwayTeamId)
        {
            throw new ArgumentException($"A game lists team {game.HomeTeamId} against itself.", nameof(game));
        }

        if (!lines.TryGetValue(game.HomeTeamId, out var home) || !lines.TryGetValue(game.AwayTeamId, out var away))
        {
            throw new ArgumentException(
                $"A game between {game.HomeTeamId} and {game.AwayTeamId} involves a team that is not in the standings.",
                nameof(game));
        }

        if (game.ForfeitedBy is { } forfeiter && forfeiter != game.HomeTeamId && forfeiter != game.AwayTeamId)
        {
            throw new ArgumentException($"Team {forfeiter} forfeited a game it did not play in.", nameof(game));
        }

        // A forfeit decides the game whatever was written down; the recorded score still counts for points.
        Guid? winner = game.ForfeitedBy switch
        {
            { } f => f == game.HomeTeamId ? game.AwayTeamId : game.HomeTeamId,
            null when game.HomeScore > game.AwayScore => game.HomeTeamId,
            null when game.AwayScore > game.HomeScore => game.AwayTeamId,
            _ => null,
        };

        home.Add(game.HomeScore, game.AwayScore, Outcome(winner, game.HomeTeamId), game.ForfeitedBy == game.HomeTeamId, cap);
        away.Add(game.AwayScore, game.HomeScore, Outcome(winner, game.AwayTeamId), game.ForfeitedBy == game.AwayTeamId, cap);
        return new Meeting(game.HomeTeamId, game.AwayTeamId, winner);
    }

    private static GameOutcome Outcome(Guid? winner, Guid team) =>
        winner is null ? GameOutcome.Tie : winner == team ? GameOutcome.Win : GameOutcome.Loss;

    private enum GameOutcome
    {
        Win,
        Loss,
        Tie,
    }

    /// <summary>Who played whom and who won (null: a tie), kept for head-to-head.</summary>
    private sealed record Meeting(Guid TeamA, Guid TeamB, Guid? Winner);

    private sealed class TeamLine(StandingsTeam team)
    {
        public StandingsTeam Team { get; } = team;

        public int Won { get; private set; }

        public int Lost { get; private set; }

        public int Tied { get; private set; }

        public int Forfeits { get; private set; }

        public int PointsFor { get; private set; }

        public int PointsAgainst { get; private set; }

        public int CappedDifferential { get; private set; }

        public int Played => Won + Lost + Tied;

        public int Differential => PointsFor - PointsAgainst;

        /// <summary>Twice the win %'s numerator, so a tie counts as a half win without fractions.</summary>
        public long HalfWins => (2L * Won) + Tied;

        /// <summary>Twice the games played; 1 for a team without games so its win % is a plain zero.</summary>
        public long HalfWinsOutOf => Played == 0 ? 1 : 2L * Played;

        public decimal WinPercentage =>
            Played == 0 ? 0m : Math.Round((decimal)HalfWins / HalfWinsOutOf, 3, MidpointRounding.AwayFromZero);

        public void Add(int scored, int allowed, GameOutcome outcome, bool forfeited, int? cap)
        {
            switch (outcome)
            {
                case GameOutcome.Win:
                    Won++;
                    break;
                case GameOutcome.Loss:
                    Lost++;
                    break;
                default:
                    Tied++;
                    break;
            }

            if (forfeited)
            {
                Forfeits++;
            }

            PointsFor += scored;
            PointsAgainst += allowed;
            var margin = scored - allowed;
            CappedDifferential += cap is { } c ? Math.Clamp(margin, -c, c) : margin;
        }
    }

    /// <summary>Name order, for teams the rules leave tied: case-insensitive first so "ace" sits next to "Ace", id last so it is total.</summary>
    private sealed class ByName : IComparer<TeamLine>
    {
        public static readonly ByName Instance = new();

        public int Compare(TeamLine? x, TeamLine? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var byName = string.Compare(x.Team.Name, y.Team.Name, StringComparison.OrdinalIgnoreCase);
            if (byName != 0)
            {
                return byName;
            }

            byName = string.Compare(x.Team.Name, y.Team.Name, StringComparison.Ordinal);
            return byName != 0 ? byName : x.Team.TeamId.CompareTo(y.Team.TeamId);
        }
    }

    /// <summary>The games among a group of tied teams: each team's record against the others and whether the rule applies.</summary>
    private sealed class HeadToHeadRecord
    {
        private readonly Dictionary<Guid, (int Won, int Lost, int Tied)> records = [];

        public HeadToHeadRecord(IReadOnlyList<TeamLine> group, IReadOnlyList<Meeting> meetings)
        {
            var members = group.Select(line => line.Team.TeamId).ToHashSet();
            foreach (var id in members)
            {
                records[id] = (0, 0, 0);
            }

            var meetingsPerPair = new Dictionary<(Guid, Guid), int>();
            foreach (var meeting in meetings)
            {
                if (!members.Contains(meeting.TeamA) || !members.Contains(meeting.TeamB))
                {
                    continue;
                }

                var pair = meeting.TeamA.CompareTo(meeting.TeamB) < 0 ? (meeting.TeamA, meeting.TeamB) : (meeting.TeamB, meeting.TeamA);
                meetingsPerPair[pair] = meetingsPerPair.GetValueOrDefault(pair) + 1;
                Tally(meeting.TeamA, meeting.Winner);
                Tally(meeting.TeamB, meeting.Winner);
            }

            // Head-to-head is only fair when nobody got extra chances against the others: every pair met, and equally often.
            var pairs = members.Count * (members.Count - 1) / 2;
            Applies = meetingsPerPair.Count == pairs && meetingsPerPair.Values.Distinct().Count() == 1;
        }

        public bool Applies { get; }

        /// <summary>Half wins among the group; comparable because, when the rule applies, every team played the same number of these games.</summary>
        public int HalfWins(TeamLine line)
        {
            var (won, _, tied) = records[line.Team.TeamId];
            return (2 * won) + tied;
        }

        public (int Won, int Lost, int Tied) Of(TeamLine line) => records[line.Team.TeamId];

        private void Tally(Guid team, Guid? winner)
        {
            var (won, lost, tied) = records[team];
            records[team] = winner is null ? (won, lost, tied + 1) : winner == team ? (won + 1, lost, tied) : (won, lost + 1, tied);
        }
    }

    private sealed class Ranking(StandingsInput input, IReadOnlyList<Meeting> meetings)
    {
        private const string NotDrawn = "tied on every rule; coin flip not drawn yet";

        /// <summary>Per team, why it sits above the team right below it.</summary>
        public Dictionary<Guid, string> Reasons { get; } = [];

        public List<Guid> NeedsCoinFlip { get; } = [];

        /// <summary>Orders a group of teams tied on everything so far; the result is the group's final order.</summary>
        public List<TeamLine> Order(List<TeamLine> group)
        {
            if (group.Count < 2)
            {
                return group;
            }

            var rules = group.Count == 2 ? input.Rules.TwoTeam : input.Rules.MultiTeam;
            foreach (var rule in rules)
            {
                if (rule == TieBreaker.CoinFlip)
                {
                    // Before a ball is thrown there is nothing to break; asking for a coin flip then would only be noise.
                    if (group.TrueForAll(line => line.Played == 0))
                    {
                        return LeaveTied(group, "no games played yet; listed by name", needsFlip: false);
                    }

                    if (!group.TrueForAll(line => input.CoinFlips.ContainsKey(line.Team.TeamId)))
                    {
                        return LeaveTied(group, NotDrawn, needsFlip: true);
                    }
                }

                var tiers = Split(rule, group);
                if (tiers.Count < 2)
                {
                    continue;
                }

                // Each tier restarts at the top of its own list: a separated team changes who is still tied.
                var ordered = new List<TeamLine>(group.Count);
                foreach (var tier in tiers)
                {
                    var resolved = Order(tier);
                    if (ordered.Count > 0)
                    {
                        Reasons[ordered[^1].Team.TeamId] = Explain(rule, ordered[^1], resolved[0], group);
                    }

                    ordered.AddRange(resolved);
                }

                return ordered;
            }

            // Only reached with a coin flip in the list when the recorded draws were equal: the flip has to be redone.
            return rules.Contains(TieBreaker.CoinFlip)
                ? LeaveTied(group, "tied on every rule; the recorded coin flip draws are equal", needsFlip: true)
                : LeaveTied(group, "tied on every rule", needsFlip: false);
        }

        private List<TeamLine> LeaveTied(List<TeamLine> group, string reason, bool needsFlip)
        {
            var ordered = group.Order(ByName.Instance).ToList();
            for (var i = 0; i < ordered.Count - 1; i++)
            {
                Reasons[ordered[i].Team.TeamId] = reason;
            }

            if (needsFlip)
            {
                NeedsCoinFlip.AddRange(ordered.Select(line => line.Team.TeamId));
            }

            return ordered;
        }

        /// <summary>The group cut into tiers by one rule, best first; a single tier when the rule does not separate anyone.</summary>
        private List<List<TeamLine>> Split(TieBreaker rule, List<TeamLine> group)
        {
            var compare = Comparison(rule, group);
            if (compare is null)
            {
                return [group];
            }

            var sorted = group.Order(Comparer<TeamLine>.Create(compare)).ThenBy(line => line, ByName.Instance).ToList();
            var tiers = new List<List<TeamLine>> { new() { sorted[0] } };
            for (var i = 1; i < sorted.Count; i++)
            {
                if (compare(sorted[i - 1], sorted[i]) != 0)
                {
                    tiers.Add([]);
                }

                tiers[^1].Add(sorted[i]);
            }

            return tiers;
        }

        /// <summary>Better team first (negative); null when the rule does not apply to this group.</summary>
        private Comparison<TeamLine>? Comparison(TieBreaker rule, List<TeamLine> group)
        {
            switch (rule)
            {
                case TieBreaker.WinPercentage:
                    // Exact fractions: rounding to three places could tie teams whose records differ.
                    return (a, b) => (b.HalfWins * a.HalfWinsOutOf).CompareTo(a.HalfWins * b.HalfWinsOutOf);
                case TieBreaker.HeadToHead:
                    var headToHead = new HeadToHeadRecord(group, meetings);
                    return headToHead.Applies ? (a, b) => headToHead.HalfWins(b).CompareTo(headToHead.HalfWins(a)) : null;
                case TieBreaker.PointsAllowed:
                    return (a, b) => a.PointsAgainst.CompareTo(b.PointsAgainst);
                case TieBreaker.CappedDifferential:
                    return (a, b) => b.CappedDifferential.CompareTo(a.CappedDifferential);
                case TieBreaker.Differential:
                    return (a, b) => b.Differential.CompareTo(a.Differential);
                case TieBreaker.PointsScored:
                    return (a, b) => b.PointsFor.CompareTo(a.PointsFor);
                case TieBreaker.FewestForfeits:
                    return (a, b) => a.Forfeits.CompareTo(b.Forfeits);
                case TieBreaker.CoinFlip:
                    return (a, b) => input.CoinFlips[a.Team.TeamId].CompareTo(input.CoinFlips[b.Team.TeamId]);
                default:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown tie-breaker.");
            }
        }

        /// <summary>Why <paramref name="above"/> is ahead of <paramref name="below"/>, told with the rule that split them in <paramref name="group"/>.</summary>
        private string Explain(TieBreaker rule, TeamLine above, TeamLine below, List<TeamLine> group)
        {
            var invariant = CultureInfo.InvariantCulture;
            switch (rule)
            {
                case TieBreaker.WinPercentage:
                    return string.Create(invariant, $"better win % ({Percentage(above.WinPercentage)} vs {Percentage(below.WinPercentage)})");
                case TieBreaker.HeadToHead:
                    var headToHead = new HeadToHeadRecord(group, meetings);
                    var (mine, theirs) = (headToHead.Of(above), headToHead.Of(below));
                    var showTies = mine.Tied > 0 || theirs.Tied > 0;
                    return group.Count == 2
                        ? $"won head-to-head {Games(mine, showTies)}"
                        : string.Create(invariant, $"better head-to-head among the {group.Count} tied teams ({Games(mine, showTies)} vs {Games(theirs, showTies)})");
                case TieBreaker.PointsAllowed:
                    return string.Create(invariant, $"allowed fewer points ({above.PointsAgainst} vs {below.PointsAgainst})");
                case TieBreaker.CappedDifferential:
                    var cap = input.DifferentialCap is { } c ? string.Create(invariant, $"capped at {c} per game") : "no cap set";
                    return $"better capped differential ({Signed(above.CappedDifferential)} vs {Signed(below.CappedDifferential)}, {cap})";
                case TieBreaker.Differential:
                    return $"better differential ({Signed(above.Differential)} vs {Signed(below.Differential)})";
                case TieBreaker.PointsScored:
                    return string.Create(invariant, $"scored more points ({above.PointsFor} vs {below.PointsFor})");
                case TieBreaker.FewestForfeits:
                    return string.Create(invariant, $"fewer forfeits ({above.Forfeits} vs {below.Forfeits})");
                case TieBreaker.CoinFlip:
                    return "won the recorded coin flip";
                default:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown tie-breaker.");
            }
        }

        /// <summary>Win % the way standings print it: ".750", and "1.000" for a perfect record.</summary>
        private static string Percentage(decimal value)
        {
            var text = value.ToString("0.000", CultureInfo.InvariantCulture);
            return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..] : text;
        }

        private static string Signed(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

        private static string Games((int Won, int Lost, int Tied) record, bool showTies) => showTies
            ? string.Create(CultureInfo.InvariantCulture, $"{record.Won}-{record.Lost}-{record.Tied}")
            : string.Create(CultureInfo.InvariantCulture, $"{record.Won}-{record.Lost}");
    }
}
