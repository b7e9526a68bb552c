namespace MidwestSports.Leagues.Domain.Scheduling;

internal enum RoundRobinFormat
{
    /// <summary>Every pair meets once.</summary>
    Single = 1,

    /// <summary>Every pair meets twice, home and away swapped.</summary>
    Double = 2,
}

/// <summary>A place and time a league can play on each of its nights: one field of a venue at a start time (city-local).</summary>
internal sealed record SlotTemplate(Guid VenueId, string Field, TimeOnly Start, int DurationMinutes);

/// <summary>A field already taken on a date: a kept game, or another league's game at a shared venue.</summary>
internal sealed record OccupiedSlot(DateOnly Date, Guid VenueId, string Field, TimeOnly Start, int DurationMinutes);

/// <summary>
/// A game that stays as it is (played, forfeited, or otherwise locked): it counts toward its pair's meetings, holds its
/// field, and its teams play no other game that night. Venue, field and start are null for a game played off-schedule.
/// </summary>
internal sealed record KeptGame(Guid HomeTeamId, Guid AwayTeamId, DateOnly Date, Guid? VenueId, string? Field, TimeOnly? Start, int DurationMinutes);

/// <summary>One league to schedule.</summary>
/// <param name="TeamIds">The league's active teams in a stable order (the scheduler must not depend on any other order).</param>
/// <param name="Nights">Every league night of the season, ascending, blackout dates included.</param>
/// <param name="Blackouts">League-wide blackout dates (holidays): no game of the league on them.</param>
/// <param name="TeamBlackouts">Per team, the dates it cannot play.</param>
/// <param name="Slots">The fields and start times the league may use on each night.</param>
/// <param name="Kept">Games that stay (regenerating mid-season keeps games already played).</param>
/// <param name="NotBefore">No new game before this date (a regeneration today does not place games in the past).</param>
internal sealed record SchedulingLeague(
    Guid LeagueId,
    IReadOnlyList<Guid> TeamIds,
    RoundRobinFormat Format,
    IReadOnlyList<DateOnly> Nights,
    IReadOnlySet<DateOnly> Blackouts,
    IReadOnlyDictionary<Guid, IReadOnlySet<DateOnly>> TeamBlackouts,
    IReadOnlyList<SlotTemplate> Slots,
    IReadOnlyList<KeptGame> Kept,
    DateOnly? NotBefore = null);

/// <summary>Leagues scheduled together (they may share venues) and the fields other leagues already hold.</summary>
internal sealed record ScheduleInput(IReadOnlyList<SchedulingLeague> Leagues, IReadOnlyList<OccupiedSlot> Occupied);

internal sealed record PlannedGame(
    Guid LeagueId,
    int Round,
    DateOnly Date,
    Guid VenueId,
    string Field,
    TimeOnly Start,
    int DurationMinutes,
    Guid HomeTeamId,
    Guid AwayTeamId);

/// <summary>A team sitting out a round (odd team count).</summary>
internal sealed record PlannedBye(Guid LeagueId, int Round, DateOnly Date, Guid TeamId);

/// <summary>A game the scheduler could not place, and why, in words an admin understands.</summary>
internal sealed record UnplacedGame(Guid LeagueId, int Round, Guid HomeTeamId, Guid AwayTeamId, string Reason);

internal sealed record ScheduleResult(IReadOnlyList<PlannedGame> Games, IReadOnlyList<PlannedBye> Byes, IReadOnlyList<UnplacedGame> Unplaced);
