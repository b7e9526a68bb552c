using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Teams.Contracts;

/// <summary>
/// Creates and updates many teams in one transaction with their outbox messages and listing rows, as an import's
/// commit: all or nothing. A row with <see cref="TeamImportRow.TeamId"/> updates that team and only from
/// <see cref="TeamImportRow.ExpectedVersion"/> (409 otherwise: the data changed since the preview); without it, creates one.
/// Every audit entry it writes carries the import's id as its reason. The caller's scope is checked for every row.
/// A stream both ways (<c>ISender.CreateStream</c>): the rows are read, checked and written a batch at a time, and each
/// batch's results returned as it is written, so neither side holds a whole file; the transaction commits once the
/// caller has read every result, and a broken rule (thrown while reading them) leaves nothing written.
/// </summary>
public sealed record ImportTeams(Guid ImportId, IAsyncEnumerable<TeamImportRow> Rows) : IStreamCommand<TeamImportResult>;

public sealed record TeamImportRow(Guid? TeamId, long? ExpectedVersion, TeamFields Fields);

/// <summary>Per row, in order: the team, its version after the import, and (an update) the team before it.</summary>
public sealed record TeamImportResult(Guid TeamId, long Version, TeamDto? Before);

/// <summary>
/// Undoes an import's teams: a created team at the version the import left is deleted (with its roster), an updated one
/// is restored to <see cref="ImportUndoItem{TBefore}.Before"/>; a team changed since is left alone and reported.
/// </summary>
public sealed record UndoTeamImport(Guid ImportId, IReadOnlyList<ImportUndoItem<TeamDto>> Items) : ICommand<ImportUndoReport>;
