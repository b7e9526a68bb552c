namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>A meeting of two teams, by their position in the league's team list.</summary>
internal readonly record struct Fixture(int Home, int Away);

/// <summary>One round of a round robin: its fixtures and the team sitting out (odd team count only).</summary>
internal sealed record RoundPairing(IReadOnlyList<Fixture> Fixtures, int? Bye);

/// <summary>
/// Berger (circle method) pairings in de Werra's canonical home/away pattern: every team's home and away games differ by
/// at most one and a single round robin for an even team count has n - 2 breaks, the fewest possible.
/// </summary>
internal static class RoundRobin
{
    public static IReadOnlyList<RoundPairing> Rounds(int teamCount, RoundRobinFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(teamCount);
        if (teamCount < 2)
        {
            return [];
        }

        var firstHalf = SingleCycle(teamCount);
        if (format == RoundRobinFormat.Single)
        {
            return firstHalf;
        }

        var secondHalf = firstHalf
            .Select(round => new RoundPairing([.. round.Fixtures.Select(f => new Fixture(f.Away, f.Home))], round.Bye))
            .ToList();
        return [.. firstHalf, .. secondHalf];
    }

    private static List<RoundPairing> SingleCycle(int teamCount)
    {
        // An odd league is paired as if it had one more team; whoever meets that phantom team sits out. The phantom takes
        // the fixed position because every team meets it on the side it would otherwise have one game too many on, so
        // dropping those games leaves each real team exactly balanced.
        var size = teamCount % 2 == 0 ? teamCount : teamCount + 1;
        var pivot = size - 1;
        var rounds = new List<RoundPairing>(size - 1);
        for (var round = 0; round < size - 1; round++)
        {
            var fixtures = new List<Fixture>(size / 2);
            int? bye = null;

            // The pivot alternates home and away round by round; the circle teams' orientation depends on the distance
            // from the round's axis, which is what keeps consecutive same-side games to the two teams that must have them.
            var pivotGame = round % 2 == 0 ? new Fixture(round, pivot) : new Fixture(pivot, round);
            if (pivot < teamCount)
            {
                fixtures.Add(pivotGame);
            }
            else
            {
                bye = round;
            }

            for (var k = 1; k < size / 2; k++)
            {
                var up = (round + k) % (size - 1);
                var down = (round - k + (size - 1)) % (size - 1);
                fixtures.Add(k % 2 == 1 ? new Fixture(up, down) : new Fixture(down, up));
            }

            rounds.Add(new RoundPairing(fixtures, bye));
        }

        return rounds;
    }
}
