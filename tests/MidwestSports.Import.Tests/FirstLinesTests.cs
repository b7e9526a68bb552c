using MidwestSports.Import.Planning;

namespace MidwestSports.Import.Tests;

/// <summary>The first line of each (owner, key) in a file: what "duplicate in file" errors name.</summary>
public sealed class FirstLinesTests
{
    [Test]
    public void FirstOr_TheFirstNamingIsRemembered_LaterOnesGetItsLine()
    {
        var seen = new FirstLines();
        var league = Guid.NewGuid();
        var other = Guid.NewGuid();
        var longName = new string('x', 400);

        Assert.Multiple(() =>
        {
            Assert.That(seen.FirstOr(league, "otters", 2), Is.Null);
            Assert.That(seen.FirstOr(league, "herons", 3), Is.Null);
            Assert.That(seen.FirstOr(other, "otters", 4), Is.Null, "the same name in another league is not a duplicate");
            Assert.That(seen.FirstOr(league, "otters", 5), Is.EqualTo(2));
            Assert.That(seen.FirstOr(league, "otters", 6), Is.EqualTo(2), "always the first line, not the last");
            Assert.That(seen.FirstOr(league, longName, 7), Is.Null, "a key longer than the stack buffer");
            Assert.That(seen.FirstOr(league, longName + "y", 8), Is.Null);
            Assert.That(seen.FirstOr(league, longName, 9), Is.EqualTo(7));
        });
    }

    [Test]
    public void FindAndAdd_AddKeepsAnEarlierLine()
    {
        var seen = new FirstLines();
        var team = Guid.NewGuid();
        seen.Add(team, "e:casey@example.org", 3);
        seen.Add(team, "e:casey@example.org", 9);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Find(team, "e:casey@example.org"), Is.EqualTo(3));
            Assert.That(seen.Find(team, "n:casey"), Is.Null);
            Assert.That(seen.Find(Guid.NewGuid(), "e:casey@example.org"), Is.Null);
        });
    }

    [Test]
    public void ManyKeys_NoTwoCollide()
    {
        var seen = new FirstLines();
        var leagues = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToArray();
        var line = 1;
        foreach (var league in leagues)
        {
            for (var team = 0; team < 700; team++)
            {
                Assert.That(seen.FirstOr(league, $"team{team}", ++line), Is.Null);
            }
        }
    }
}
