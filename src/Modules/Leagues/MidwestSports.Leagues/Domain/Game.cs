using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Leagues.Domain;

/// <summary>One game of a league: when and where, who is home, and its result once entered.</summary>
internal sealed class Game : ICityOwned
{
    private Game()
    {
    }

    public Guid Id { get; private set; }

    public Guid LeagueId { get; private set; }

    public Guid CityId { get; private set; }

    public GameKind Kind { get; private set; }

    /// <summary>The round (week) of the regular season, or of the bracket for a playoff game.</summary>
    public int Round { get; private set; }

    /// <summary>Null while a playoff game has no date yet.</summary>
    public DateOnly? Date { get; private set; }

    public TimeOnly? Start { get; private set; }

    public int DurationMinutes { get; private set; }

    public Guid? VenueId { get; private set; }

    public string? Field { get; private set; }

    public Guid HomeTeamId { get; private set; }

    public Guid AwayTeamId { get; private set; }

    public GameStatus Status { get; private set; }

    public int? HomeScore { get; private set; }

    public int? AwayScore { get; private set; }

    public Guid? ForfeitedBy { get; private set; }

    /// <summary>The bracket match this playoff game plays ("W2-1"); null for a regular-season game.</summary>
    public string? BracketCode { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool HasResult => Status is GameStatus.Final or GameStatus.Forfeit;

    public static Game Schedule(
        Guid leagueId, Guid cityId, GameKind kind, int round, DateOnly? date, TimeOnly? start, int durationMinutes, Guid? venueId, string? field,
        Guid homeTeamId, Guid awayTeamId, string? bracketCode, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            LeagueId = leagueId,
            CityId = cityId,
            Kind = kind,
            Round = round,
            Date = date,
            Start = start,
            DurationMinutes = durationMinutes,
            VenueId = venueId,
            Field = field,
            HomeTeamId = homeTeamId,
            AwayTeamId = awayTeamId,
            Status = GameStatus.Scheduled,
            BracketCode = bracketCode,
            Version = 1,
            UpdatedAt = now,
        };

    /// <summary>Moves or reschedules the game; a game with a result stays where it was played.</summary>
    public void Move(DateOnly date, TimeOnly start, int durationMinutes, Guid venueId, string field, DateTimeOffset now)
    {
        if (HasResult)
        {
            throw new ConflictException("The game has a result; it cannot be moved. Correct the result instead.");
        }

        Date = date;
        Start = start;
        DurationMinutes = durationMinutes;
        VenueId = venueId;
        Field = field;
        Status = GameStatus.Scheduled;
        Touch(now);
    }

    public void Cancel(DateTimeOffset now)
    {
        if (HasResult)
        {
            throw new ConflictException("The game has a result; clear it before cancelling the game.");
        }

        Status = GameStatus.Cancelled;
        Touch(now);
    }

    /// <summary>Records a played result, or a forfeit with the league's forfeit score (the forfeiting team gets the losing score).</summary>
    public void RecordResult(int homeScore, int awayScore, Guid? forfeitedBy, int forfeitWinScore, int forfeitLossScore, DateTimeOffset now)
    {
        if (Status == GameStatus.Cancelled)
        {
            throw new ConflictException("The game is cancelled; reschedule it before entering a result.");
        }

        if (forfeitedBy is { } loser)
        {
            HomeScore = loser == HomeTeamId ? forfeitLossScore : forfeitWinScore;
            AwayScore = loser == AwayTeamId ? forfeitLossScore : forfeitWinScore;
            ForfeitedBy = loser;
            Status = GameStatus.Forfeit;
        }
        else
        {
            HomeScore = homeScore;
            AwayScore = awayScore;
            ForfeitedBy = null;
            Status = GameStatus.Final;
        }

        Touch(now);
    }

    public void ClearResult(DateTimeOffset now)
    {
        HomeScore = null;
        AwayScore = null;
        ForfeitedBy = null;
        Status = GameStatus.Scheduled;
        Touch(now);
    }

    /// <summary>
    /// States the game as a record says it was: an import's row of the schedule's history (checked by its handler) or,
    /// for an undo, the game as it was before the import. Unlike <see cref="Move"/> it may place a game with a result.
    /// </summary>
    public void Restate(DateOnly date, TimeOnly? start, Guid? venueId, string? field, GameStatus status, int? homeScore, int? awayScore, Guid? forfeitedBy, DateTimeOffset now)
    {
        Date = date;
        Start = start;
        VenueId = venueId;
        Field = field;
        Status = status;
        HomeScore = homeScore;
        AwayScore = awayScore;
        ForfeitedBy = forfeitedBy;
        Touch(now);
    }

    /// <summary>The winner of a game with a result; null for a tie or no result.</summary>
    public Guid? Winner => !HasResult ? null
        : ForfeitedBy is { } f ? (f == HomeTeamId ? AwayTeamId : HomeTeamId)
        : HomeScore > AwayScore ? HomeTeamId
        : AwayScore > HomeScore ? AwayTeamId
        : null;

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>A league's playoff bracket: its format and the seeded teams (seed 1 first), taken from the standings when created.</summary>
internal sealed class Bracket : ICityOwned
{
    public Guid LeagueId { get; set; }

    public Guid CityId { get; set; }

    public Brackets.BracketFormat Format { get; set; }

    public List<Guid> Seeds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
