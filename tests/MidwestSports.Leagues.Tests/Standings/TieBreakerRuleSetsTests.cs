using MidwestSports.Leagues.Domain.Standings;

namespace MidwestSports.Leagues.Tests.Standings;

[TestFixture]
internal sealed class TieBreakerRuleSetsTests
{
    [TestCase("standard", "standard")]
    [TestCase("STANDARD", "standard")]
    [TestCase(" Differential ", "differential")]
    [TestCase("Softball", "softball")]
    [TestCase("forfeits-first", "forfeits-first")]
    public void Find_KnownNameAnyCase_ReturnsPreset(string name, string expected) =>
        Assert.That(TieBreakerRuleSets.Find(name)?.Name, Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("asa")]
    public void Find_UnknownName_ReturnsNull(string name) => Assert.That(TieBreakerRuleSets.Find(name), Is.Null);

    [Test]
    public void Default_Always_IsStandard() => Assert.That(TieBreakerRuleSets.Default, Is.SameAs(TieBreakerRuleSets.Standard));

    [Test]
    public void Standard_Lists_MatchThePublishedOrder()
    {
        TieBreaker[] expected =
        [
            TieBreaker.WinPercentage, TieBreaker.HeadToHead, TieBreaker.PointsAllowed,
            TieBreaker.CappedDifferential, TieBreaker.PointsScored, TieBreaker.CoinFlip,
        ];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TieBreakerRuleSets.Standard.TwoTeam, Is.EqualTo(expected));
            Assert.That(TieBreakerRuleSets.Standard.MultiTeam, Is.EqualTo(expected));
            Assert.That(TieBreakerRuleSets.Standard.Title, Is.EqualTo("Win %, head-to-head, points allowed, capped differential, points scored, coin flip"));
        }
    }

    [TestCase("differential")]
    [TestCase("softball")]
    public void Preset_MultiTeamList_SkipsHeadToHeadThatTheTwoTeamListUses(string name)
    {
        var rules = TieBreakerRuleSets.Find(name)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules.TwoTeam, Does.Contain(TieBreaker.HeadToHead));
            Assert.That(rules.MultiTeam, Does.Not.Contain(TieBreaker.HeadToHead));
        }
    }

    [Test]
    public void All_EveryPreset_StartsWithWinPercentageAndEndsWithCoinFlip()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TieBreakerRuleSets.All.Select(set => set.Name), Is.Unique);
            foreach (var set in TieBreakerRuleSets.All)
            {
                foreach (var list in new[] { set.TwoTeam, set.MultiTeam })
                {
                    Assert.That(list[0], Is.EqualTo(TieBreaker.WinPercentage), set.Name);
                    Assert.That(list[^1], Is.EqualTo(TieBreaker.CoinFlip), set.Name);
                    Assert.That(list, Is.Unique, set.Name);
                }
            }
        }
    }

    [Test]
    public void Describe_EveryRule_HasAdminWording()
    {
        using (Assert.EnterMultipleScope())
        {
            var descriptions = Enum.GetValues<TieBreaker>().Select(TieBreakerRuleSets.Describe).ToList();
            Assert.That(descriptions, Has.All.Not.Empty);
            Assert.That(descriptions, Is.Unique);
            Assert.That(TieBreakerRuleSets.Describe(TieBreaker.HeadToHead), Is.EqualTo("Head-to-head (only when all tied teams met equally often)"));
        }
    }
}
