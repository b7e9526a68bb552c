using MidwestSports.Leagues.Domain.Scheduling;

namespace MidwestSports.Leagues.Tests.Scheduling;

/// <summary>Readable, repeatable ids and leagues for scheduling tests.</summary>
internal static class ScheduleTestData
{
    public static readonly DateOnly FirstNight = new(2026, 9, 1);

    public static Guid Team(int league, int team) => new(league, (short)1, (short)team, new byte[8]);

    public static Guid League(int league) => new(league, (short)2, 0, new byte[8]);

    public static Guid Venue(int venue) => new(venue, (short)3, 0, new byte[8]);

    public static IReadOnlyList<Guid> Teams(int league, int count) => [.. Enumerable.Range(0, count).Select(team => Team(league, team))];

    /// <summary>Weekly league nights from <see cref="FirstNight"/>.</summary>
    public static IReadOnlyList<DateOnly> Weekly(int count) => [.. Enumerable.Range(0, count).Select(week => FirstNight.AddDays(7 * week))];

    /// <summary>Every field of one venue at every start time.</summary>
    public static IReadOnlyList<SlotTemplate> Slots(Guid venue, int fields, params string[] starts) =>
        [.. starts.SelectMany(start => Enumerable.Range(1, fields).Select(field => new SlotTemplate(venue, $"Field {field}", TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), 60)))];

    public static SchedulingLeague League(
        int league,
        int teams,
        IReadOnlyList<DateOnly> nights,
        IReadOnlyList<SlotTemplate> slots,
        RoundRobinFormat format = RoundRobinFormat.Single,
        IReadOnlySet<DateOnly>? blackouts = null,
        IReadOnlyDictionary<Guid, IReadOnlySet<DateOnly>>? teamBlackouts = null,
        IReadOnlyList<KeptGame>? kept = null,
        DateOnly? notBefore = null,
        IReadOnlyList<Guid>? teamIds = null) =>
        new(
            League(league),
            teamIds ?? Teams(league, teams),
            format,
            nights,
            blackouts ?? new HashSet<DateOnly>(),
            teamBlackouts ?? new Dictionary<Guid, IReadOnlySet<DateOnly>>(),
            slots,
            kept ?? [],
            notBefore);

    public static ScheduleInput Input(params SchedulingLeague[] leagues) => new(leagues, []);
}
