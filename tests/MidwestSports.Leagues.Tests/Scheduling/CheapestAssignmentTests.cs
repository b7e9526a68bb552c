using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

[TestFixture]
public sealed class CheapestAssignmentTests
{
    [Test]
    public void Solve_GreedyTrap_FindsCheapestOverall()
    {
        // Row 0 grabbing its cheapest column (0) would force row 1 onto a cost of 100.
        long[][] cost = [[1, 2], [1, 100]];

        var chosen = CheapestAssignment.Solve(cost);

        Assert.That(chosen, Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void Solve_RandomMatrices_MatchesBruteForce()
    {
        var random = new Random(20260901);
        for (var trial = 0; trial < 300; trial++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(rows, 7);
            var cost = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => (long)random.Next(0, 20)).ToArray()).ToList();

            var chosen = CheapestAssignment.Solve(cost);

            Assert.Multiple(() =>
            {
                Assert.That(chosen, Is.Unique);
                Assert.That(chosen.Select((column, row) => cost[row][column]).Sum(), Is.EqualTo(BruteForce(cost, 0, new bool[columns])));
            });
        }
    }

    [Test]
    public void Solve_MoreRowsThanColumns_Throws()
    {
        long[][] cost = [[1], [2]];

        Assert.That(() => CheapestAssignment.Solve(cost), Throws.ArgumentException);
    }

    private static long BruteForce(IReadOnlyList<long[]> cost, int row, bool[] used)
    {
        if (row == cost.Count)
        {
            return 0;
        }

        var best = long.MaxValue;
        for (var column = 0; column < used.Length; column++)
        {
            if (!used[column])
            {
                used[column] = true;
                best = Math.Min(best, cost[row][column] + BruteForce(cost, row + 1, used));
                used[column] = false;
            }
        }

        return best;
    }
}
