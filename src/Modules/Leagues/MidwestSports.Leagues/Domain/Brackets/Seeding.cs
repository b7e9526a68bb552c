using System.Numerics;

namespace MidwestSports.Leagues.Domain.Brackets;

internal static class Seeding
{
    public const int MinEntrants = 2;
    public const int MaxEntrants = 64;

    /// <summary>The smallest power of two that holds every entrant; the gap is filled with byes.</summary>
    public static int BracketSize(int entrants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entrants, MinEntrants);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entrants, MaxEntrants);
        return (int)BitOperations.RoundUpToPowerOf2((uint)entrants);
    }

    /// <summary>
    /// The first-round pairs, top of the bracket first. Every pair sums to size + 1, so seeds above the entrant count
    /// (byes) always face the best seeds; and each section of the bracket holds exactly one of the seeds that should
    /// survive to it, so the top two seeds can only meet in the final, the top four only in the semifinals, and so on.
    /// </summary>
    public static IReadOnlyList<(int High, int Low)> FirstRound(int bracketSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bracketSize, MinEntrants);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bracketSize, MaxEntrants);
        if (!BitOperations.IsPow2(bracketSize))
        {
            throw new ArgumentOutOfRangeException(nameof(bracketSize), bracketSize, "A bracket size must be a power of two.");
        }

        var pairs = new List<(int High, int Low)> { (1, 2) };
        for (var size = 4; size <= bracketSize; size *= 2)
        {
            // Each pair of the smaller bracket splits into two pairs, each of its seeds meeting its complement in the
            // bigger one. Seed 1 keeps the top line; in every other pair the lower seed's new pair is printed first,
            // which reproduces the familiar printed layout (1-16, 8-9, 5-12, 4-13, 6-11, 3-14, 7-10, 2-15).
            var next = new List<(int High, int Low)>(size / 2);
            for (var i = 0; i < pairs.Count; i++)
            {
                var (high, low) = pairs[i];
                var (first, second) = i == 0 ? (high, low) : (low, high);
                next.Add((first, size + 1 - first));
                next.Add((second, size + 1 - second));
            }

            pairs = next;
        }

        return pairs;
    }
}
