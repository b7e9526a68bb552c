namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>A game still to be played: who meets, who is at home, and the round it belongs to.</summary>
internal sealed record Meeting(int Round, Guid HomeTeamId, Guid AwayTeamId);

/// <summary>A round still to be played: its number, its night (null when the league has run out of nights), its games and the teams sitting out.</summary>
internal sealed record SeasonRound(int Number, DateOnly? Night, IReadOnlyList<Meeting> Meetings, IReadOnlyList<Guid> Byes);

/// <summary>
/// The rounds a league still has to play. A fresh season is the plain Berger schedule. When regenerating, the meetings
/// the kept games already cover are dropped, the rest keep their Berger order and are packed into as few rounds as
/// possible, and numbering carries on after the league nights already played before the first new round.
/// </summary>
internal static class SeasonRounds
{
    public static IReadOnlyList<SeasonRound> Build(SchedulingLeague league, IReadOnlyList<Guid> teams, IReadOnlyList<DateOnly> nights)
    {
        var position = new Dictionary<Guid, int>(teams.Count);
        for (var i = 0; i < teams.Count; i++)
        {
            position[teams[i]] = i;
        }

        // Only a kept game between two current teams counts toward a meeting; one against a team that left just holds its field.
        var kept = league.Kept
            .Where(game => game.HomeTeamId != game.AwayTeamId && position.ContainsKey(game.HomeTeamId) && position.ContainsKey(game.AwayTeamId))
            .Select(game => new Fixture(position[game.HomeTeamId], position[game.AwayTeamId]))
            .ToList();

        var remaining = WithoutKept(RoundRobin.Rounds(teams.Count, league.Format).SelectMany(round => round.Fixtures), kept);
        if (league.Format == RoundRobinFormat.Single)
        {
            // A double round robin's remaining games are each a fixed way round; a single one's can be turned to even out
            // whatever imbalance the kept games left. A fresh Berger schedule is already even, so nothing turns. Every kept
            // game a current team played counts here, even against a team that has since left: the team still hosted it.
            var keptSurplus = new int[teams.Count];
            foreach (var game in league.Kept)
            {
                if (position.TryGetValue(game.HomeTeamId, out var home))
                {
                    keptSurplus[home]++;
                }

                if (position.TryGetValue(game.AwayTeamId, out var away))
                {
                    keptSurplus[away]--;
                }
            }

            BalanceHomeAndAway(remaining, keptSurplus);
        }

        var keptNights = league.Kept
            .SelectMany(game => new[] { (game.HomeTeamId, game.Date), (game.AwayTeamId, game.Date) })
            .ToHashSet();
        var firstNumber = FirstRoundNumber(league, nights);
        var packed = Pack(remaining, teams.Count);
        var rounds = new List<SeasonRound>(packed.Count);
        for (var i = 0; i < packed.Count; i++)
        {
            DateOnly? night = i < nights.Count ? nights[i] : null;
            var number = firstNumber + i;
            var meetings = packed[i].Select(f => new Meeting(number, teams[f.Home], teams[f.Away])).ToList();
            var playing = packed[i].SelectMany(f => new[] { f.Home, f.Away }).ToHashSet();

            // A team idle in the pairing sits the round out, unless a kept game already has it playing that night.
            var byes = night is { } date
                ? teams.Where((team, index) => !playing.Contains(index) && !keptNights.Contains((team, date))).ToList()
                : [];
            rounds.Add(new SeasonRound(number, night, meetings, byes));
        }

        return rounds;
    }

    private static List<Fixture> WithoutKept(IEnumerable<Fixture> fixtures, IReadOnlyList<Fixture> kept)
    {
        // Each fixture occurs once (a double round robin holds each pair once each way), so a set is enough. A kept game
        // first covers the fixture the same way round; only then may it cover the reversed one, so a double round robin
        // keeps "once each way" whenever the kept games allow it.
        var open = fixtures.ToList();
        var stillOpen = open.ToHashSet();
        var unmatched = new List<Fixture>();
        foreach (var game in kept)
        {
            if (!stillOpen.Remove(game))
            {
                unmatched.Add(game);
            }
        }

        foreach (var game in unmatched)
        {
            stillOpen.Remove(new Fixture(game.Away, game.Home));
        }

        return [.. open.Where(stillOpen.Contains)];
    }

    /// <summary>
    /// Turns whole chains of remaining fixtures round so no team is more than one game off even, where the kept games
    /// allow it. Turning a chain from a team with too many home games to one with too few moves two home games along it
    /// and changes nobody in between; each turn lowers the sum of squared imbalances, so this ends.
    /// </summary>
    /// <param name="keptSurplus">Per team, home minus away games among the kept games.</param>
    private static void BalanceHomeAndAway(List<Fixture> fixtures, int[] keptSurplus)
    {
        var teamCount = keptSurplus.Length;
        var surplus = (int[])keptSurplus.Clone();
        foreach (var f in fixtures)
        {
            surplus[f.Home]++;
            surplus[f.Away]--;
        }

        var fixturesOf = Enumerable.Range(0, teamCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < fixtures.Count; i++)
        {
            fixturesOf[fixtures[i].Home].Add(i);
            fixturesOf[fixtures[i].Away].Add(i);
        }

        bool turned;
        do
        {
            turned = false;
            var worstFirst = Enumerable.Range(0, teamCount)
                .Where(team => Math.Abs(surplus[team]) >= 2)
                .OrderByDescending(team => Math.Abs(surplus[team]))
                .ThenBy(team => team);
            foreach (var team in worstFirst)
            {
                if (TryTurnChain(fixtures, fixturesOf, surplus, team))
                {
                    turned = true;
                    break;
                }
            }
        }
        while (turned);
    }

    private static bool TryTurnChain(List<Fixture> fixtures, List<int>[] fixturesOf, int[] surplus, int from)
    {
        // Walk only fixtures where the current team is on the side it has too much of, breadth first for the shortest chain.
        var side = Math.Sign(surplus[from]);
        var cameBy = new int?[surplus.Length];
        var seen = new bool[surplus.Length];
        seen[from] = true;
        var queue = new Queue<int>([from]);
        while (queue.Count > 0)
        {
            var team = queue.Dequeue();
            if (team != from && side * surplus[team] <= (side * surplus[from]) - 3)
            {
                for (var at = team; at != from;)
                {
                    var index = cameBy[at]!.Value;
                    var f = fixtures[index];
                    fixtures[index] = new Fixture(f.Away, f.Home);
                    at = f.Home == at ? f.Away : f.Home;
                }

                surplus[from] -= 2 * side;
                surplus[team] += 2 * side;
                return true;
            }

            foreach (var index in fixturesOf[team])
            {
                var f = fixtures[index];
                var (mine, other) = side > 0 ? (f.Home, f.Away) : (f.Away, f.Home);
                if (mine == team && !seen[other])
                {
                    seen[other] = true;
                    cameBy[other] = index;
                    queue.Enqueue(other);
                }
            }
        }

        return false;
    }

    /// <summary>First fit in Berger order: a fresh schedule comes out round for round, a thinned one in fewer rounds.</summary>
    private static List<List<Fixture>> Pack(IReadOnlyList<Fixture> fixtures, int teamCount)
    {
        var rounds = new List<List<Fixture>>();
        var busy = new List<bool[]>();

        // A pair's second meeting never goes in a round before its first, so a double round robin still reads as two halves.
        var metIn = new Dictionary<(int, int), int>();
        foreach (var f in fixtures)
        {
            var pair = (Math.Min(f.Home, f.Away), Math.Max(f.Home, f.Away));
            var round = metIn.TryGetValue(pair, out var earlier) ? earlier + 1 : 0;
            while (round < rounds.Count && (busy[round][f.Home] || busy[round][f.Away]))
            {
                round++;
            }

            if (round == rounds.Count)
            {
                rounds.Add([]);
                busy.Add(new bool[teamCount]);
            }

            rounds[round].Add(f);
            busy[round][f.Home] = true;
            busy[round][f.Away] = true;
            metIn[pair] = round;
        }

        return rounds;
    }

    private static int FirstRoundNumber(SchedulingLeague league, IReadOnlyList<DateOnly> nights)
    {
        // Rounds carry on from the league nights already played: five nights of kept games before the first new round's
        // night make that round 6. Kept games on or after it are locked fixtures, not past rounds.
        var playedNights = league.Kept
            .Select(game => game.Date)
            .Where(date => nights.Count == 0 || date < nights[0])
            .Distinct()
            .Count();
        return playedNights + 1;
    }
}
