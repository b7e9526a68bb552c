using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

[TestFixture]
public sealed class RoundRobinTests
{
    private static readonly int[] TeamCounts = [.. Enumerable.Range(2, 19)];
    private static readonly int[] EvenTeamCounts = [.. TeamCounts.Where(n => n % 2 == 0)];
    private static readonly int[] OddTeamCounts = [.. TeamCounts.Where(n => n % 2 == 1)];

    [TestCaseSource(nameof(TeamCounts))]
    public void Rounds_Single_EveryPairMeetsExactlyOnce(int teams)
    {
        var rounds = RoundRobin.Rounds(teams, RoundRobinFormat.Single);

        var pairs = rounds.SelectMany(r => r.Fixtures).Select(f => (Math.Min(f.Home, f.Away), Math.Max(f.Home, f.Away))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pairs, Is.Unique);
            Assert.That(pairs, Has.Count.EqualTo(teams * (teams - 1) / 2));
            Assert.That(rounds, Has.Count.EqualTo(teams % 2 == 0 ? teams - 1 : teams));
        });
    }

    [TestCaseSource(nameof(TeamCounts))]
    public void Rounds_AnyRound_NoTeamPlaysTwice(int teams)
    {
        var rounds = RoundRobin.Rounds(teams, RoundRobinFormat.Double);

        Assert.That(rounds.Select(r => r.Fixtures.SelectMany(f => new[] { f.Home, f.Away }).Concat(r.Bye is { } bye ? [bye] : [])), Has.All.Unique);
    }

    [TestCaseSource(nameof(TeamCounts))]
    public void Rounds_Single_HomeAndAwayDifferByAtMostOne(int teams)
    {
        var fixtures = RoundRobin.Rounds(teams, RoundRobinFormat.Single).SelectMany(r => r.Fixtures).ToList();

        var imbalance = Enumerable.Range(0, teams).Select(t => Math.Abs(fixtures.Count(f => f.Home == t) - fixtures.Count(f => f.Away == t)));
        Assert.That(imbalance, Has.All.LessThanOrEqualTo(teams % 2 == 0 ? 1 : 0));
    }

    [TestCaseSource(nameof(EvenTeamCounts))]
    public void Rounds_EvenSingle_BreaksSumToTeamCountMinusTwo(int teams)
    {
        var rounds = RoundRobin.Rounds(teams, RoundRobinFormat.Single);

        var breaks = Enumerable.Range(0, teams).Sum(team =>
        {
            var home = rounds.Select(r => r.Fixtures.Any(f => f.Home == team)).ToList();
            return home.Zip(home.Skip(1)).Count(pair => pair.First == pair.Second);
        });
        Assert.That(breaks, Is.EqualTo(teams - 2));
    }

    [TestCaseSource(nameof(OddTeamCounts))]
    public void Rounds_Odd_OneByePerRoundAndEachTeamSitsOutOncePerCycle(int teams)
    {
        var rounds = RoundRobin.Rounds(teams, RoundRobinFormat.Double);

        Assert.Multiple(() =>
        {
            Assert.That(rounds.Select(r => r.Bye), Has.None.Null);
            Assert.That(rounds.Take(teams).Select(r => r.Bye), Is.EquivalentTo(Enumerable.Range(0, teams)));
            Assert.That(rounds.Skip(teams).Select(r => r.Bye), Is.EquivalentTo(Enumerable.Range(0, teams)));
        });
    }

    [TestCaseSource(nameof(TeamCounts))]
    public void Rounds_Double_SecondHalfMirrorsFirstWithHomeAndAwaySwapped(int teams)
    {
        var rounds = RoundRobin.Rounds(teams, RoundRobinFormat.Double);

        var half = rounds.Count / 2;
        var mirrored = rounds.Take(half).Select(r => r.Fixtures.Select(f => new Fixture(f.Away, f.Home)));
        Assert.That(rounds.Skip(half).Select(r => r.Fixtures), Is.EqualTo(mirrored));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Rounds_FewerThanTwoTeams_NoRounds(int teams)
    {
        Assert.That(RoundRobin.Rounds(teams, RoundRobinFormat.Single), Is.Empty);
    }
}
