using System.Numerics;

namespace MidwestSports.Leagues.Domain.Brackets;

internal static class BracketPlanner
{
    public const string GrandFinal = "GF";
    public const string GrandFinalReset = "GF2";

    public static string WinnersCode(int round, int position) => $"W{round}-{position}";

    public static string LosersCode(int round, int position) => $"L{round}-{position}";

    /// <summary>
    /// Every match of the bracket, in an order where each match comes after the matches that feed it: winners
    /// rounds, then losers rounds, then the grand final and its reset. Round-1 byes are listed too; they resolve
    /// on their own.
    /// </summary>
    public static BracketPlan Plan(BracketFormat format, int entrants)
    {
        var size = Seeding.BracketSize(entrants);
        var rounds = BitOperations.Log2((uint)size);
        var matches = new List<BracketMatchPlan>(2 * size);

        AddWinnersBracket(matches, size, rounds);
        switch (format)
        {
            case BracketFormat.SingleElimination:
                break;
            case BracketFormat.DoubleElimination:
                var losersChampion = AddLosersBracket(matches, size, rounds);
                var winnersChampion = SlotSource.WinnerOf(WinnersCode(rounds, 1));
                matches.Add(new BracketMatchPlan(GrandFinal, BracketSide.Final, 1, 1, winnersChampion, losersChampion));

                // After the losers champion wins the grand final both teams have one loss; the reset settles it.
                // Its home side is the grand final's loser, which is the winners champion whenever it is played.
                matches.Add(new BracketMatchPlan(
                    GrandFinalReset,
                    BracketSide.Final,
                    2,
                    1,
                    SlotSource.LoserOf(GrandFinal),
                    SlotSource.WinnerOf(GrandFinal),
                    IfNecessary: true));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown bracket format.");
        }

        return new BracketPlan(format, entrants, matches);
    }

    private static void AddWinnersBracket(List<BracketMatchPlan> matches, int size, int rounds)
    {
        var firstRound = Seeding.FirstRound(size);
        for (var position = 1; position <= firstRound.Count; position++)
        {
            var (high, low) = firstRound[position - 1];
            matches.Add(new BracketMatchPlan(
                WinnersCode(1, position),
                BracketSide.Winners,
                1,
                position,
                SlotSource.OfSeed(high),
                SlotSource.OfSeed(low)));
        }

        for (var round = 2; round <= rounds; round++)
        {
            for (var position = 1; position <= size >> round; position++)
            {
                matches.Add(new BracketMatchPlan(
                    WinnersCode(round, position),
                    BracketSide.Winners,
                    round,
                    position,
                    SlotSource.WinnerOf(WinnersCode(round - 1, (2 * position) - 1)),
                    SlotSource.WinnerOf(WinnersCode(round - 1, 2 * position))));
            }
        }
    }

    /// <summary>Adds the losers bracket and returns where its champion comes from.</summary>
    private static SlotSource AddLosersBracket(List<BracketMatchPlan> matches, int size, int rounds)
    {
        if (rounds == 1)
        {
            // Two entrants: the loser of the only winners match is the whole losers bracket.
            return SlotSource.LoserOf(WinnersCode(1, 1));
        }

        // Losers of winners round 1 meet each other: L1-p takes the two first-round matches that feed W2-p.
        var round = 1;
        var alive = new List<string>(size / 4);
        for (var position = 1; position <= size / 4; position++)
        {
            alive.Add(AddLosersMatch(
                matches,
                round,
                position,
                SlotSource.LoserOf(WinnersCode(1, (2 * position) - 1)),
                SlotSource.LoserOf(WinnersCode(1, 2 * position))));
        }

        for (var winnersRound = 2; winnersRound <= rounds; winnersRound++)
        {
            // Minor round: the survivors meet the teams dropping from this winners round. The dropping team takes the
            // home side: it has gone further in the bracket.
            round++;
            var drops = DropOrder(winnersRound, size >> winnersRound);
            var minor = new List<string>(alive.Count);
            for (var position = 1; position <= alive.Count; position++)
            {
                minor.Add(AddLosersMatch(
                    matches,
                    round,
                    position,
                    SlotSource.LoserOf(WinnersCode(winnersRound, drops[position - 1])),
                    SlotSource.WinnerOf(alive[position - 1])));
            }

            alive = minor;
            if (winnersRound == rounds)
            {
                break;
            }

            // Major round: survivors among themselves, halving the field before the next drop.
            round++;
            var major = new List<string>(alive.Count / 2);
            for (var position = 1; position <= alive.Count / 2; position++)
            {
                major.Add(AddLosersMatch(
                    matches,
                    round,
                    position,
                    SlotSource.WinnerOf(alive[(2 * position) - 2]),
                    SlotSource.WinnerOf(alive[(2 * position) - 1])));
            }

            alive = major;
        }

        return SlotSource.WinnerOf(alive[0]);
    }

    private static string AddLosersMatch(List<BracketMatchPlan> matches, int round, int position, SlotSource home, SlotSource away)
    {
        var code = LosersCode(round, position);
        matches.Add(new BracketMatchPlan(code, BracketSide.Losers, round, position, home, away));
        return code;
    }

    /// <summary>
    /// Which winners match's loser drops into each position of the minor losers round (1-based positions).
    /// In natural order a dropping team could meet a team it beat in the winners bracket straight away: the L1-p
    /// survivor lost in round 1 to one of the teams that then played W2-p. Round 2 is reversed, round 3 swaps halves,
    /// later rounds swap neighbours: with these the first losers round where any rematch is possible is L3 for 8
    /// entrants, L4 for 16, L5 for 32 and L7 for 64 (with 4 entrants the single drop is unavoidable).
    /// </summary>
    private static int[] DropOrder(int winnersRound, int count)
    {
        var order = new int[count];
        for (var position = 1; position <= count; position++)
        {
            order[position - 1] = winnersRound switch
            {
                2 => count + 1 - position,
                3 => ((position - 1 + (count / 2)) % count) + 1,
                _ when count == 1 => 1,
                _ => position % 2 == 1 ? position + 1 : position - 1,
            };
        }

        return order;
    }
}
