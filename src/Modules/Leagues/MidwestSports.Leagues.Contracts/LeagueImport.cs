using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Contracts;

/// <summary>
/// Creates and updates many leagues in one transaction with their outbox messages, as an import's commit: all or
/// nothing, under the rules of a single create or update (valid fields, a city the caller holds, a name unique in its
/// city and season, the version read: 409 when it changed since the preview). A created league is not shown on the public
/// site until an admin turns "Shown on the public site" on. Audit entries carry the import's id.
/// </summary>
public sealed record ImportLeagues(Guid ImportId, IReadOnlyList<LeagueImportRow> Rows) : ICommand<IReadOnlyList<LeagueImportResult>>;

/// <summary>
/// With <see cref="LeagueId"/>: updates that league from <see cref="ExpectedVersion"/>. Without: creates one, with
/// <see cref="NewLeagueId"/> when given (an import chooses it while planning, so a later sheet of the same workbook can
/// name the league before it exists).
/// </summary>
public sealed record LeagueImportRow(Guid? LeagueId, long? ExpectedVersion, LeagueFields Fields, Guid? NewLeagueId = null);

/// <summary>Per row, in order: the league, its version after the import, and (an update) the league before it.</summary>
public sealed record LeagueImportResult(Guid LeagueId, long Version, LeagueDto? Before);

/// <summary>
/// Undoes an import's leagues in one transaction: a created league still at the version the import left it at and with
/// no teams or games is deleted; an updated one is restored to <see cref="ImportUndoItem{TBefore}.Before"/>; one changed
/// since, or (created) now holding teams or games, is left alone and reported.
/// </summary>
public sealed record UndoLeagueImport(Guid ImportId, IReadOnlyList<ImportUndoItem<LeagueDto>> Items) : ICommand<ImportUndoReport>;

/// <summary>The sports Midwest Sports runs; a league's sport is one of them (compared ignoring case).</summary>
public static class LeagueSports
{
    public static IReadOnlyList<string> All { get; } =
        ["Kickball", "Softball", "Volleyball", "Bowling", "Dodgeball", "Cornhole", "Flag Football", "Basketball", "Soccer", "Pickleball", "Skee-Ball", "Bocce", "Trivia"];
}
