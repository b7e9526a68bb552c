using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Teams.Contracts;

/// <summary>
/// Adds and updates many roster players in one transaction, as an import's commit: all or nothing, with the rules of
/// <see cref="AddPlayer"/> and <see cref="UpdatePlayer"/> (the team in the caller's scope, an email unique per team
/// ignoring case, one captain per team: a player named captain steps the team's other captain down). A row with
/// <see cref="PlayerImportRow.PlayerId"/> updates that player, only from <see cref="PlayerImportRow.ExpectedVersion"/>
/// (409 otherwise: the roster changed since the preview); without it, adds one. Audit entries carry the import's id.
/// </summary>
public sealed record ImportPlayers(Guid ImportId, IReadOnlyList<PlayerImportRow> Rows) : ICommand<IReadOnlyList<PlayerImportResult>>;

public sealed record PlayerImportRow(Guid TeamId, Guid? PlayerId, long? ExpectedVersion, PlayerFields Fields);

/// <summary>
/// Per row, in order: the player, its version after the import, (an update) the player before it, and the team's
/// captain this row's new captain stepped down (at its version after, with the captain before), so an undo can reinstate them.
/// </summary>
public sealed record PlayerImportResult(Guid PlayerId, long Version, PlayerDto? Before, IReadOnlyList<ImportUndoItem<PlayerDto>> SteppedDown);

/// <summary>
/// Undoes an import's players: one added and still at the version the import left is removed, one updated (or stepped
/// down as captain) is restored to <see cref="ImportUndoItem{TBefore}.Before"/>; one changed or removed since is left
/// alone and reported.
/// </summary>
public sealed record UndoPlayerImport(Guid ImportId, IReadOnlyList<ImportUndoItem<PlayerDto>> Items) : ICommand<ImportUndoReport>;

/// <summary>The rosters of every team of a league in the caller's scope (empty for a league outside it): what an import compares its rows with.</summary>
public sealed record ListLeagueRosters(Guid LeagueId) : IQuery<IReadOnlyList<PlayerDto>>;
