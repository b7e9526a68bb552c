using FuzzySharp;
using FuzzySharp.PreProcess;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;

namespace MidwestSports.Import.Tests;

/// <summary>
/// The letter bound that lets a near match skip names: it must never skip a name FuzzySharp would suggest (the same
/// suggestions as comparing every name), and it must skip names that share few letters (or it saves nothing).
/// </summary>
public sealed class KeyLettersTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789éø";

    [Test]
    public void MayReach_PairsOfNamesAndTheirTypos_NeverFalseWhenTheRatioReachesTheMinimum()
    {
        var random = new Random(11);
        var (pairs, reaching, skipped) = (0, 0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var a = NaturalKeys.Of(RandomName(random));
            var b = random.Next(3) == 0 ? NaturalKeys.Of(RandomName(random)) : Typo(random, a);
            var minimum = random.Next(40, 101);
            var ratio = Fuzz.Ratio(a, b, PreprocessMode.None);
            var mayReach = KeyLetters.Of(a).MayReach(KeyLetters.Of(b), minimum);
            pairs++;
            reaching += ratio >= minimum ? 1 : 0;
            skipped += mayReach ? 0 : 1;
            Assert.That(mayReach || ratio < minimum, $"\"{a}\" and \"{b}\": ratio {ratio}, minimum {minimum}, bound said unreachable");
        }

        Assert.Multiple(() =>
        {
            Assert.That(reaching, Is.GreaterThan(pairs / 10), "the pairs include many that reach the minimum");
            Assert.That(skipped, Is.GreaterThan(pairs / 10), "the bound skips a share of the pairs");
        });
    }

    [TestCase("swiftotterst000123", "bravebearst000456", 80, false)]
    [TestCase("tuesdaykickball", "tuesdaykickbal", 80, true)]
    public void MayReach_KnownPairs_AsFuzzySharpWouldRank(string a, string b, int minimum, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(KeyLetters.Of(a).MayReach(KeyLetters.Of(b), minimum), Is.EqualTo(expected));
            Assert.That(Fuzz.Ratio(a, b, PreprocessMode.None) >= minimum, expected ? Is.True : Is.False);
        });
    }

    private static string RandomName(Random random) =>
        new([.. Enumerable.Range(0, random.Next(1, 25)).Select(_ => random.Next(6) == 0 ? ' ' : Alphabet[random.Next(Alphabet.Length)])]);

    /// <summary>A few inserted, deleted, replaced or swapped characters: the near matches an admin's file holds.</summary>
    private static string Typo(Random random, string key)
    {
        var chars = key.ToList();
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 2 when chars.Count > 0:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3 when chars.Count > 1 && at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
