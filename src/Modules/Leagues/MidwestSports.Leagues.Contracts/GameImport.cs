using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

/// <summary>
/// Adds and updates many regular-season games (a schedule and its results, the bracket tool's history) in one
/// transaction, as an import's commit: all or nothing, with the outbox messages a single game or result command raises
/// (standings and the public site follow). Every row is checked like a single write: the league in the caller's scope
/// and not archived, both teams of the league, the venue and its field in the league's city, scores from 0 to 999, a
/// forfeit by one of the two teams, a status that agrees with the scores. A row with <see cref="GameImportRow.GameId"/>
/// updates that game, only from <see cref="GameImportRow.ExpectedVersion"/> (409 otherwise); without it, adds one.
/// Audit entries carry the import's id.
/// </summary>
public sealed record ImportGames(Guid ImportId, IReadOnlyList<GameImportRow> Rows) : ICommand<IReadOnlyList<GameImportResult>>;

public sealed record GameImportRow(Guid? GameId, long? ExpectedVersion, GameImportFields Fields);

/// <summary>
/// A game as a file states it. <see cref="Status"/> Final needs both scores; Forfeit needs <see cref="ForfeitedBy"/> (the
/// league's forfeit score is recorded, as for a single forfeit); Scheduled and Cancelled have no scores.
/// </summary>
public sealed record GameImportFields(
    Guid LeagueId,
    DateOnly Date,
    TimeOnly? Start,
    Guid? VenueId,
    string? Field,
    Guid HomeTeamId,
    Guid AwayTeamId,
    GameStatus Status,
    int? HomeScore,
    int? AwayScore,
    Guid? ForfeitedBy);

/// <summary>Per row, in order: the game, its version after the import, and (an update) the game before it.</summary>
public sealed record GameImportResult(Guid GameId, long Version, GameDto? Before);

/// <summary>
/// Undoes an import's games: one added and still at the version the import left is deleted, one updated is restored to
/// <see cref="ImportUndoItem{TBefore}.Before"/>; one changed or deleted since is left alone and reported.
/// </summary>
public sealed record UndoGameImport(Guid ImportId, IReadOnlyList<ImportUndoItem<GameDto>> Items) : ICommand<ImportUndoReport>;
