using System.Text.Json;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Fields;

namespace MidwestSports.Import.Domain;

/// <summary>
/// One uploaded file and what its analysis found. The file itself is kept apart (<see cref="ImportFile"/>) so a later
/// mapping change or the commit reads exactly what was previewed. Status moves Analyzing → Ready → Committing →
/// Committed → Undone (or Failed); a mapping change sends a Ready import back to Analyzing.
/// </summary>
internal sealed class ImportBatch
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The longest file name kept (a longer upload's name is shortened, its extension kept).</summary>
    public const int MaxFileName = 260;

    /// <summary>The uploaded file's name without any path, at most <see cref="MaxFileName"/> characters with its extension.</summary>
    public static string FileNameOf(string uploaded)
    {
        var name = Path.GetFileName(uploaded);
        if (name.Any(char.IsControl))
        {
            // A NUL or a line break in a name is no name anyone typed, and PostgreSQL stores no NUL.
            name = string.Concat(name.Where(c => !char.IsControl(c)));
        }

        if (name.Length <= MaxFileName)
        {
            return name;
        }

        var extension = Path.GetExtension(name) is { Length: <= 10 } kept ? kept : string.Empty;
        var cut = MaxFileName - extension.Length;
        return name[..(char.IsHighSurrogate(name[cut - 1]) ? cut - 1 : cut)] + extension;
    }

    public Guid Id { get; set; }

    public ImportKind Kind { get; set; }

    public Guid? CityId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public ImportStatus Status { get; set; }

    public string? Encoding { get; set; }

    /// <summary>The encoding the admin chose instead of the detected one (null: detect).</summary>
    public string? EncodingOverride { get; set; }

    public string? Delimiter { get; set; }

    public string? Sheet { get; set; }

    public string[] Sheets { get; set; } = [];

    public int HeaderLine { get; set; }

    public int RowCount { get; set; }

    /// <summary>The column mappings (jsonb) of the single part; a workbook's are in <see cref="Parts"/>.</summary>
    public string Columns { get; set; } = "[]";

    /// <summary>The parts (jsonb): one per sheet read, each with its kind and mapping.</summary>
    public string Parts { get; set; } = "[]";

    public string[] MissingFields { get; set; } = [];

    public bool MappingFromSaved { get; set; }

    public int Creates { get; set; }

    public int Updates { get; set; }

    public int Unchanged { get; set; }

    public int Errors { get; set; }

    /// <summary>Rows analysed, committed or undone so far, of <see cref="ProgressTotal"/>.</summary>
    public int ProgressDone { get; set; }

    public int ProgressTotal { get; set; }

    /// <summary>Why the import failed, or what the last commit or undo found (shown with the status).</summary>
    public string? Message { get; set; }

    public CommitMode? CommitMode { get; set; }

    /// <summary>What the commit and the undo did (jsonb).</summary>
    public string? Outcome { get; set; }

    public Guid? CreatedById { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CommittedAt { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    /// <summary>When work on the import last showed it was alive (queued, started, progressed): stalled work is failed after a while.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public IReadOnlyList<ImportPartDto> ReadParts() => JsonSerializer.Deserialize<List<ImportPartDto>>(Parts, Json) ?? [];

    public void SetParts(IReadOnlyList<ImportPartDto> parts)
    {
        Parts = JsonSerializer.Serialize(parts, Json);
        var first = parts.FirstOrDefault();
        Columns = JsonSerializer.Serialize(first?.Columns ?? [], Json);
        HeaderLine = first?.HeaderLine ?? 0;
        MissingFields = [.. parts.SelectMany(p => p.MissingFields.Select(f => parts.Count > 1 ? $"{p.Sheet}: {f}" : f))];
    }

    public ImportOutcomeDto? ReadOutcome() => Outcome is null ? null : JsonSerializer.Deserialize<ImportOutcomeDto>(Outcome, Json);

    public void SetOutcome(ImportOutcomeDto outcome) => Outcome = JsonSerializer.Serialize(outcome, Json);

    public void ResetCounts() => (RowCount, Creates, Updates, Unchanged, Errors) = (0, 0, 0, 0, 0);

    public void Count(RowAction action)
    {
        RowCount++;
        _ = action switch
        {
            RowAction.Create => Creates++,
            RowAction.Update => Updates++,
            RowAction.Unchanged => Unchanged++,
            _ => Errors++,
        };
    }

    public ImportDto ToDto()
    {
        var parts = ReadParts();
        var fields = parts.Select(p => p.Kind).DefaultIfEmpty(Kind).Where(k => k != ImportKind.Workbook).Distinct()
            .SelectMany(k => ImportFieldCatalog.Of(k)).DistinctBy(f => f.Name)
            .Select(f => new ImportFieldDto(f.Name, f.Header, f.Required)).ToList();
        return new(
            Id, Kind, CityId, FileName, Status, Encoding, Delimiter, Sheet, Sheets, HeaderLine, RowCount,
            JsonSerializer.Deserialize<List<ColumnMappingDto>>(Columns, Json) ?? [], MissingFields,
            new ImportCountsDto(Creates, Updates, Unchanged, Errors), new ImportProgressDto(ProgressDone, ProgressTotal),
            CreatedBy, CreatedAt, fields, MappingFromSaved, Message ?? NothingMapped(parts), ReadOutcome(), parts);
    }

    /// <summary>What the mapping step says of a file none of whose columns feeds a field: probably another kind, or headers to map by hand.</summary>
    private string? NothingMapped(IReadOnlyList<ImportPartDto> parts) =>
        Status is ImportStatus.Ready or ImportStatus.Analyzing && parts.Count > 0 && parts.All(p => p.Columns.All(c => c.Field is null))
            ? $"No column of this file matches a field of {(Kind == ImportKind.Workbook ? "its kinds" : ImportFieldCatalog.Slug(Kind))}: check the kind, or map the columns by hand."
            : null;

    public ImportSummaryDto ToSummary() => new(
        Id, Kind, CityId, FileName, Status, RowCount, new ImportCountsDto(Creates, Updates, Unchanged, Errors), CreatedBy, CreatedAt,
        new ImportProgressDto(ProgressDone, ProgressTotal), Message);
}

/// <summary>The uploaded bytes, as received.</summary>
internal sealed class ImportFile
{
    public Guid ImportId { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>A mapping an admin saved: proposed again for a file of the same kind with the same headers.</summary>
internal sealed class SavedMapping
{
    public ImportKind Kind { get; set; }

    /// <summary>SHA-256 (hex) of the headers' natural keys in order: a file with the same headers in the same order has the same key.</summary>
    public string HeaderKey { get; set; } = string.Empty;

    /// <summary>Each column's field (jsonb, <see cref="ColumnChoiceDto"/>).</summary>
    public string Columns { get; set; } = "[]";

    public string SavedBy { get; set; } = string.Empty;

    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>One data row of an import and its plan (values, changes, problems and suggestions as jsonb) and, once committed, what it did.</summary>
internal sealed class ImportRowRecord
{
    private static readonly JsonSerializerOptions Json = ImportBatch.Json;

    public Guid ImportId { get; set; }

    public int RowId { get; set; }

    public ImportKind Kind { get; set; }

    public string? Sheet { get; set; }

    public int Line { get; set; }

    public RowAction Action { get; set; }

    public Guid? CityId { get; set; }

    public Guid? TargetId { get; set; }

    /// <summary>The target's version the plan was made from: a commit finding another one knows the data changed.</summary>
    public long? TargetVersion { get; set; }

    public string Values { get; set; } = "{}";

    public string Changes { get; set; } = "[]";

    public string Problems { get; set; } = "[]";

    public string Suggestions { get; set; } = "[]";

    public SuggestionDecision? Decision { get; set; }

    public Guid? DecidedTargetId { get; set; }

    /// <summary>After the commit: the record the row created or updated, its version then, and (an update) the record before it (jsonb).</summary>
    public Guid? AppliedId { get; set; }

    public long? AppliedVersion { get; set; }

    public string? Before { get; set; }

    public ImportRowDto ToDto() => new(
        RowId, Sheet, Line, Action, CityId, TargetId,
        (JsonSerializer.Deserialize<Dictionary<string, string?>>(Values, Json) ?? []).Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value),
        JsonSerializer.Deserialize<List<FieldChangeDto>>(Changes, Json) ?? [],
        JsonSerializer.Deserialize<List<RowProblemDto>>(Problems, Json) ?? [],
        JsonSerializer.Deserialize<List<SuggestionDto>>(Suggestions, Json) ?? [],
        Decision ?? SuggestionDecision.Undecided);
}

/// <summary>
/// What the planner decided for one row, and (for create and update) the write it would make, in the owning module's
/// Contracts' terms: the commit sends exactly that.
/// </summary>
internal sealed record RowPlan(
    int Line, RowAction Action, Guid? CityId, Guid? TargetId, IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<FieldChangeDto> Changes, IReadOnlyList<RowProblemDto> Problems)
{
    public long? TargetVersion { get; init; }

    public IReadOnlyList<SuggestionDto> Suggestions { get; init; } = [];

    /// <summary>The module command's row (create or update); null for unchanged and error rows.</summary>
    public object? Write { get; init; }
}
