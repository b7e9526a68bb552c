namespace MidwestSports.Import.Planning;

/// <summary>
/// How many of each letter and digit a natural key holds: an exact, cheap upper bound of FuzzySharp's ratio, so a near
/// match need not compute the ratio against every name of a large league. The ratio is 100·(both lengths − the edits) /
/// (both lengths) where an edit inserts or deletes one character (a substitution counts two), and the edits are at least
/// the characters one key has and the other lacks, so the ratio is at most 200·(the characters both keys share) / (both
/// lengths). A name whose bound stays under the minimum cannot be suggested: skipping it changes no suggestion.
/// </summary>
internal sealed class KeyLetters
{
    /// <summary>a-z, 0-9, and one bin for any other letter (counted as if all of them matched: the bound stays an upper bound).</summary>
    private const int Bins = 37;

    private readonly byte[] counts = new byte[Bins];

    /// <summary>A key with more than 255 of one character is not counted: it may reach any ratio.</summary>
    private readonly bool saturated;

    private KeyLetters(string key)
    {
        Length = key.Length;
        foreach (var c in key)
        {
            var bin = c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : Bins - 1;
            if (counts[bin] == byte.MaxValue)
            {
                saturated = true;
                return;
            }

            counts[bin]++;
        }
    }

    public int Length { get; }

    public static KeyLetters Of(string naturalKey) => new(naturalKey);

    /// <summary>
    /// False when the ratio of the two keys is certainly under <paramref name="minimum"/> (as FuzzySharp rounds it); true
    /// when it may reach it.
    /// </summary>
    public bool MayReach(KeyLetters other, int minimum)
    {
        if (saturated || other.saturated)
        {
            return true;
        }

        var shared = 0;
        for (var i = 0; i < Bins; i++)
        {
            shared += Math.Min(counts[i], other.counts[i]);
        }

        return 200.0 * shared >= (minimum - 0.5) * (Length + other.Length);
    }
}
