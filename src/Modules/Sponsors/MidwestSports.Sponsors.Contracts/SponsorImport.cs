using Mediator;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Sponsors.Contracts;

/// <summary>
/// Creates and updates many sponsors in one transaction with their outbox messages, as an import's commit: all or
/// nothing. A row with <see cref="SponsorImportRow.SponsorId"/> updates that sponsor and only from
/// <see cref="SponsorImportRow.ExpectedVersion"/> (409 otherwise: the data changed since the preview); without it, creates
/// one. The caller must hold every city of every row (and of every sponsor updated). Audit entries carry the import's id.
/// </summary>
public sealed record ImportSponsors(Guid ImportId, IReadOnlyList<SponsorImportRow> Rows) : ICommand<IReadOnlyList<SponsorImportResult>>;

public sealed record SponsorImportRow(Guid? SponsorId, long? ExpectedVersion, SponsorFields Fields);

/// <summary>Per row, in order: the sponsor, its version after the import, and (an update) the sponsor before it.</summary>
public sealed record SponsorImportResult(Guid SponsorId, long Version, SponsorDto? Before);

/// <summary>
/// Undoes an import's sponsors in one transaction: a created sponsor still at the version the import left it at and
/// sponsoring no team is deleted; an updated one is restored to <see cref="ImportUndoItem{TBefore}.Before"/>; one changed
/// since, or (created) now sponsoring a team, is left alone and reported.
/// </summary>
public sealed record UndoSponsorImport(Guid ImportId, IReadOnlyList<ImportUndoItem<SponsorDto>> Items) : ICommand<ImportUndoReport>;
