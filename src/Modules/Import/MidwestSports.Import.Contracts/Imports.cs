using System.Text.Json.Serialization;
using Mediator;

namespace MidwestSports.Import.Contracts;

/// <summary>What a file imports; a workbook may hold several, applied in this order (each may refer to the ones before).</summary>
public enum ImportKind
{
    Leagues,
    Sponsors,
    Teams,
    Players,
    Games,

    /// <summary>An .xlsx workbook whose sheets are named after the kinds above ("Leagues", "Teams"...), applied in that order.</summary>
    Workbook,
}

/// <summary>How one column of the file was matched to a field of the kind: by name, by a synonym, by similarity, or not at all (ignored).</summary>
public enum MappingBasis
{
    Name,
    Synonym,
    Similar,
    Ignored,
    Duplicate,

    /// <summary>The admin chose it (a field, or none: ignored on purpose), now or in a saved mapping for the same headers.</summary>
    Chosen,
}

/// <summary>
/// One column of the file: its position (0-based), its header as written, the field it feeds (null when ignored), how
/// sure the match is (1 for a name or a known synonym; less for a similar spelling) and why.
/// </summary>
public sealed record ColumnMappingDto(int Index, string Header, string? Field, double Confidence, MappingBasis Basis);

public enum ImportStatus
{
    Analyzing,
    Ready,
    Committing,
    Committed,
    Failed,
    Undone,
}

/// <summary>What committing a row would do.</summary>
public enum RowAction
{
    Create,
    Update,
    Unchanged,
    Error,
}

/// <summary>
/// Reads an uploaded file as <see cref="Kind"/>, maps its columns and plans every row (a dry run: nothing outside the
/// import's own schema changes). <see cref="CityId"/> is the city rows without a City column belong to.
/// </summary>
public sealed record StartImport(string FileName, ImportUpload Content, ImportKind Kind, Guid? CityId = null, string? Sheet = null, string? Encoding = null) : ICommand<ImportCreatedDto>;

public sealed record ImportCreatedDto(Guid Id);

public sealed record GetImport(Guid ImportId) : IQuery<ImportDto>;

/// <summary>The rows of an import, in file order, optionally of one action only.</summary>
public sealed record ListImportRows(Guid ImportId, RowAction? Action = null, int Page = 1, int PageSize = 50) : IQuery<ImportRowsPageDto>;

public sealed record ImportCountsDto(int Create, int Update, int Unchanged, int Error);

public sealed record ImportProgressDto(int Done, int Total);

/// <summary>
/// An import as analysed: how the file was read (encoding and delimiter, or the sheet among the workbook's sheets), the
/// line of its header, each column's mapping with its confidence, the required fields no column feeds, and what
/// committing would do (counts per action).
/// </summary>
public sealed record ImportDto(
    Guid Id,
    ImportKind Kind,
    Guid? CityId,
    string FileName,
    ImportStatus Status,
    string? Encoding,
    string? Delimiter,
    string? Sheet,
    IReadOnlyList<string> Sheets,
    int HeaderLine,
    int Rows,
    IReadOnlyList<ColumnMappingDto> Columns,
    IReadOnlyList<string> MissingFields,
    ImportCountsDto Counts,
    ImportProgressDto Progress,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ImportFieldDto> Fields,
    bool MappingFromSaved,
    string? Message,
    ImportOutcomeDto? Outcome,
    IReadOnlyList<ImportPartDto> Parts);

/// <summary>A field of the kind, for the mapping step: its name, the template's header, and whether a row needs it.</summary>
public sealed record ImportFieldDto(string Name, string Header, bool Required);

/// <summary>A workbook's sheet read as one kind (applied in kind order); a single-sheet import has one part.</summary>
public sealed record ImportPartDto(string Sheet, ImportKind Kind, int HeaderLine, IReadOnlyList<ColumnMappingDto> Columns, IReadOnlyList<string> MissingFields);

/// <summary>
/// What a commit did (rows created, updated, left out because of errors) and, after an undo, what it reverted and which
/// records it left alone because someone changed them since the import.
/// </summary>
public sealed record ImportOutcomeDto(int Created, int Updated, int Skipped, int Removed, int Restored, IReadOnlyList<LeftAloneDto> LeftAlone);

public sealed record LeftAloneDto(int RowId, int Line, Guid TargetId, string Name, string Reason);

/// <summary>
/// Changes how the file is read and mapped, then plans every row again: each column's field (null ignores it), the
/// encoding to read a CSV with (utf-8, utf-16, windows-1252) and the sheet of a workbook. With <see cref="Save"/> the
/// mapping is proposed again for the next file with the same headers.
/// </summary>
public sealed record UpdateImportMapping(Guid ImportId, IReadOnlyList<ColumnChoiceDto>? Columns, bool Save = false, string? Encoding = null, string? Sheet = null) : ICommand<ImportDto>;

/// <summary>A column (by its index, required: a missing one is not column 0) and the field it feeds (null: ignored).</summary>
public sealed record ColumnChoiceDto([property: JsonRequired] int Index, string? Field);

/// <summary>Accepts one of a row's suggested matches (the row then updates that record) or rejects them all (the row creates a new one).</summary>
public sealed record DecideSuggestion(Guid ImportId, int RowId, bool Accept, Guid? TargetId) : ICommand<ImportRowDto>;

/// <summary>All rows or nothing (the default; refused while any row has an error), or the valid rows only.</summary>
public enum CommitMode
{
    All,
    Valid,
}

/// <summary>Applies the previewed plan through each owning module (409 when what it read changed since the preview).</summary>
public sealed record CommitImport(Guid ImportId, CommitMode Mode = CommitMode.All) : ICommand<ImportDto>;

/// <summary>Removes what a committed import created and restores what it updated, leaving alone what someone changed since.</summary>
public sealed record UndoImport(Guid ImportId) : ICommand<ImportDto>;

/// <summary>One row whose plan no longer holds at commit time: what the preview said and what the data says now.</summary>
public sealed record PlanDriftDto(int RowId, int Line, RowAction Previewed, RowAction Now, string What);

/// <summary>Why a row cannot be imported as it is (an error) or what to check (a warning): the file's line, the column, the value, a code and a message.</summary>
public sealed record RowProblemDto(int Line, string? Column, string? Value, string Code, string Message, bool Error);

/// <summary>A field an update would change: from the stored value to the file's.</summary>
public sealed record FieldChangeDto(string Field, string? From, string? To);

/// <summary>An existing record whose name is close to the one a row names: offered, never applied on its own.</summary>
public sealed record SuggestionDto(Guid TargetId, string Name, double Score);

/// <summary>What the admin decided about a row's suggestions: nothing yet, use one of them (update it), or none (create a new record).</summary>
public enum SuggestionDecision
{
    Undecided,
    Accepted,
    Rejected,
}

/// <summary>
/// One row of the file and its plan: its id in this import (for <see cref="DecideSuggestion"/>), the sheet (workbooks)
/// and line it came from, the city and record it lands on (when known), the changes an update makes, its problems,
/// and near matches to accept or reject. <see cref="Values"/> holds the row's non-blank mapped cells by field.
/// </summary>
public sealed record ImportRowDto(
    int RowId,
    string? Sheet,
    int Line,
    RowAction Action,
    Guid? CityId,
    Guid? TargetId,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<FieldChangeDto> Changes,
    IReadOnlyList<RowProblemDto> Problems,
    IReadOnlyList<SuggestionDto> Suggestions,
    SuggestionDecision Decision);

public sealed record ImportRowsPageDto(IReadOnlyList<ImportRowDto> Items, int Page, int PageSize, long TotalCount);

/// <summary>The imports the caller may see, newest first: their city's, or (without a city) their own.</summary>
public sealed record ListImports(int Page = 1, int PageSize = 25) : IQuery<MidwestSports.Shared.Paging.PagedResultDto<ImportSummaryDto>>;

public sealed record ImportSummaryDto(Guid Id, ImportKind Kind, Guid? CityId, string FileName, ImportStatus Status, int Rows, ImportCountsDto Counts, string CreatedBy, DateTimeOffset CreatedAt, ImportProgressDto Progress, string? Message);

/// <summary>The file's header and its error rows as they were, each with what is wrong in an added column: to fix and upload again.</summary>
public sealed record GetImportErrors(Guid ImportId) : IQuery<ImportErrorsFileDto>;

public sealed record ImportErrorsFileDto(string FileName, byte[] Content);

/// <summary>
/// The imports the caller may see that wait for someone: analysed and <see cref="ImportStatus.Ready"/> but never
/// committed, or <see cref="ImportStatus.Failed"/>. Counts, and the newest few of each for links.
/// </summary>
public sealed record ListImportsNeedingAttention(int Sample = 5) : IQuery<ImportsNeedingAttentionDto>;

public sealed record ImportsNeedingAttentionDto(int Ready, int Failed, IReadOnlyList<ImportSummaryDto> Newest);

/// <summary>
/// An uploaded file: a way to open its bytes as a stream (the API passes the request's buffered upload, the admin UI the
/// browser's file, so the file is never copied into memory whole), and its length. An array converts to one.
/// </summary>
public sealed class ImportUpload(Func<Stream> open, long length)
{
    public long Length { get; } = length;

    public static implicit operator ImportUpload(byte[] bytes) => new(() => new MemoryStream(bytes, writable: false), bytes.Length);

    public Stream Open() => open();
}
