namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>
/// The Hungarian method: gives each row its own column so the summed cost is the lowest possible. A night's games are
/// matched to its slots at once rather than slot by slot, so a team owed a late start is not starved by an earlier pick.
/// </summary>
internal static class CheapestAssignment
{
    /// <param name="cost">cost[row][column]; every row has the same length, at least the number of rows.</param>
    /// <returns>The column chosen for each row.</returns>
    public static int[] Solve(IReadOnlyList<long[]> cost)
    {
        var rows = cost.Count;
        if (rows == 0)
        {
            return [];
        }

        var columns = cost[0].Length;
        if (columns < rows || cost.Any(row => row.Length != columns))
        {
            throw new ArgumentException("Every row needs a column: give at least as many equally long columns as rows.", nameof(cost));
        }

        // 1-based potentials with column 0 as the virtual start of each augmenting path (the classic O(rows² · columns) form).
        var rowPotential = new long[rows + 1];
        var columnPotential = new long[columns + 1];
        var rowOfColumn = new int[columns + 1];
        var previousColumn = new int[columns + 1];
        for (var row = 1; row <= rows; row++)
        {
            rowOfColumn[0] = row;
            var column = 0;
            var slack = new long[columns + 1];
            Array.Fill(slack, long.MaxValue);
            var visited = new bool[columns + 1];
            do
            {
                visited[column] = true;
                var currentRow = rowOfColumn[column];
                var delta = long.MaxValue;
                var nextColumn = 0;
                for (var candidate = 1; candidate <= columns; candidate++)
                {
                    if (visited[candidate])
                    {
                        continue;
                    }

                    var reduced = cost[currentRow - 1][candidate - 1] - rowPotential[currentRow] - columnPotential[candidate];
                    if (reduced < slack[candidate])
                    {
                        slack[candidate] = reduced;
                        previousColumn[candidate] = column;
                    }

                    if (slack[candidate] < delta)
                    {
                        delta = slack[candidate];
                        nextColumn = candidate;
                    }
                }

                for (var candidate = 0; candidate <= columns; candidate++)
                {
                    if (visited[candidate])
                    {
                        rowPotential[rowOfColumn[candidate]] += delta;
                        columnPotential[candidate] -= delta;
                    }
                    else
                    {
                        slack[candidate] -= delta;
                    }
                }

                column = nextColumn;
            }
            while (rowOfColumn[column] != 0);

            do
            {
                var back = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[back];
                column = back;
            }
            while (column != 0);
        }

        var chosen = new int[rows];
        for (var column = 1; column <= columns; column++)
        {
            if (rowOfColumn[column] != 0)
            {
                chosen[rowOfColumn[column] - 1] = column - 1;
            }
        }

        return chosen;
    }
}
