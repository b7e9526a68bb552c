using MidwestSports.Leagues.Domain.Brackets;

namespace MidwestSports.Leagues.Tests.Brackets;

internal sealed class SeedingTests
{
    private static readonly int[] EntrantCounts = Enumerable.Range(2, 31).ToArray();

    private static IEnumerable<TestCaseData> StandardOrders()
    {
        yield return new TestCaseData(2, new[] { (1, 2) }).SetArgDisplayNames("2");
        yield return new TestCaseData(4, new[] { (1, 4), (2, 3) }).SetArgDisplayNames("4");
        yield return new TestCaseData(8, new[] { (1, 8), (4, 5), (3, 6), (2, 7) }).SetArgDisplayNames("8");
        yield return new TestCaseData(
            16,
            new[] { (1, 16), (8, 9), (5, 12), (4, 13), (6, 11), (3, 14), (7, 10), (2, 15) }).SetArgDisplayNames("16");
    }

    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(4, 4)]
    [TestCase(5, 8)]
    [TestCase(8, 8)]
    [TestCase(9, 16)]
    [TestCase(17, 32)]
    [TestCase(33, 64)]
    [TestCase(64, 64)]
    public void BracketSize_EntrantCount_IsNextPowerOfTwo(int entrants, int expected)
    {
        Assert.That(Seeding.BracketSize(entrants), Is.EqualTo(expected));
    }

    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(65)]
    public void BracketSize_OutsideTwoToSixtyFour_Throws(int entrants)
    {
        Assert.That(() => Seeding.BracketSize(entrants), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(12)]
    [TestCase(128)]
    public void FirstRound_NotAPowerOfTwoInRange_Throws(int bracketSize)
    {
        Assert.That(() => Seeding.FirstRound(bracketSize), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCaseSource(nameof(StandardOrders))]
    public void FirstRound_StandardSize_IsPrintedBracketOrder(int bracketSize, (int High, int Low)[] expected)
    {
        Assert.That(Seeding.FirstRound(bracketSize), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(EntrantCounts))]
    public void FirstRound_AnyEntrantCount_PairsSumToSizePlusOneAndUseEverySeedOnce(int entrants)
    {
        var size = Seeding.BracketSize(entrants);
        var pairs = Seeding.FirstRound(size);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pairs, Has.Count.EqualTo(size / 2));
            Assert.That(pairs.Select(p => p.High + p.Low), Is.All.EqualTo(size + 1));
            Assert.That(pairs.Select(p => p.High), Is.All.LessThan(pairs.Select(p => p.Low).Min()));
            Assert.That(pairs.SelectMany(p => new[] { p.High, p.Low }), Is.EquivalentTo(Enumerable.Range(1, size)));
        }
    }

    [TestCaseSource(nameof(EntrantCounts))]
    public void FirstRound_AnyEntrantCount_TopSeedsMeetOnlyAsLateAsPossible(int entrants)
    {
        var size = Seeding.BracketSize(entrants);
        var lines = Seeding.FirstRound(size).SelectMany(p => new[] { p.High, p.Low }).ToList();

        // With sections of the bracket of size s (the teams feeding one match of a later round), the best
        // size/s seeds must sit in different sections; for s = size/2 that means seeds 1 and 2 meet only in the final.
        for (var section = size / 2; section >= 2; section /= 2)
        {
            var favourites = lines
                .Select((seed, line) => (seed, line))
                .Where(x => x.seed <= size / section)
                .Select(x => x.line / section)
                .ToList();
            Assert.That(favourites, Is.Unique, $"sections of {section} in a bracket of {size}");
        }
    }

    [TestCaseSource(nameof(EntrantCounts))]
    public void FirstRound_FewerEntrantsThanLines_ByesGoToTopSeeds(int entrants)
    {
        var size = Seeding.BracketSize(entrants);
        var seedsWithBye = Seeding.FirstRound(size).Where(p => p.Low > entrants).Select(p => p.High);

        Assert.That(seedsWithBye, Is.EquivalentTo(Enumerable.Range(1, size - entrants)));
    }
}
