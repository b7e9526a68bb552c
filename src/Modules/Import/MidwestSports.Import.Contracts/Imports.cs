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
}

/// <summary>How one column of the file was matched to a field of the kind: by name, by a synonym, by similarity, or not at all (ignored).</summary>
public enum MappingBasis
{
    Name,
    Synonym,
    Similar,
    Ignored,
    Duplicate,
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
public sealed record StartImport(string FileName, byte[] Content, ImportKind Kind, Guid? CityId = null, string? Sheet = null) : ICommand<ImportCreatedDto>;

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
    DateTimeOffset CreatedAt);

/// <summary>Why a row cannot be imported as it is (an error) or what to check (a warning): the file's line, the column, the value, a code and a message.</summary>
public sealed record RowProblemDto(int Line, string? Column, string? Value, string Code, string Message, bool Error);

/// <summary>A field an update would change: from the stored value to the file's.</summary>
public sealed record FieldChangeDto(string Field, string? From, string? To);

/// <summary>One row of the file and its plan: the city and record it lands on (when known), the changes an update makes, and its problems.</summary>
public sealed record ImportRowDto(
    int Line,
    RowAction Action,
    Guid? CityId,
    Guid? TargetId,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<FieldChangeDto> Changes,
    IReadOnlyList<RowProblemDto> Problems);

public sealed record ImportRowsPageDto(IReadOnlyList<ImportRowDto> Items, int Page, int PageSize, long TotalCount);

/// <summary>The imports the caller may see, newest first: their city's, or (without a city) their own.</summary>
public sealed record ListImports(int Page = 1, int PageSize = 25) : IQuery<MidwestSports.Shared.Paging.PagedResultDto<ImportSummaryDto>>;

public sealed record ImportSummaryDto(Guid Id, ImportKind Kind, Guid? CityId, string FileName, ImportStatus Status, int Rows, ImportCountsDto Counts, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>The file's header and its error rows as they were, each with what is wrong in an added column: to fix and upload again.</summary>
public sealed record GetImportErrors(Guid ImportId) : IQuery<ImportErrorsFileDto>;

public sealed record ImportErrorsFileDto(string FileName, byte[] Content);
