using System.Text.Json;
using MidwestSports.Import.Contracts;

namespace MidwestSports.Import.Domain;

/// <summary>
/// One uploaded file and what its analysis found. The file itself is kept apart (<see cref="ImportFile"/>) so a later
/// mapping change or the commit reads exactly what was previewed.
/// </summary>
internal sealed class ImportBatch
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }

    public ImportKind Kind { get; set; }

    public Guid? CityId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public ImportStatus Status { get; set; }

    public string? Encoding { get; set; }

    public string? Delimiter { get; set; }

    public string? Sheet { get; set; }

    public string[] Sheets { get; set; } = [];

    public int HeaderLine { get; set; }

    public int RowCount { get; set; }

    /// <summary>The column mappings (jsonb).</summary>
    public string Columns { get; set; } = "[]";

    public string[] MissingFields { get; set; } = [];

    public int Creates { get; set; }

    public int Updates { get; set; }

    public int Unchanged { get; set; }

    public int Errors { get; set; }

    public Guid? CreatedById { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public void SetColumns(IReadOnlyList<ColumnMappingDto> columns) => Columns = JsonSerializer.Serialize(columns, Json);

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

    public ImportDto ToDto() => new(
        Id, Kind, CityId, FileName, Status, Encoding, Delimiter, Sheet, Sheets, HeaderLine, RowCount,
        JsonSerializer.Deserialize<List<ColumnMappingDto>>(Columns, Json) ?? [], MissingFields,
        new ImportCountsDto(Creates, Updates, Unchanged, Errors),
        new ImportProgressDto(Status == ImportStatus.Analyzing ? 0 : RowCount, RowCount),
        CreatedBy, CreatedAt,
        [.. MidwestSports.Import.Fields.ImportFieldCatalog.Of(Kind).Select(f => new ImportFieldDto(f.Name, f.Header, f.Required))], false, null, null, []);
}

/// <summary>The uploaded bytes, as received.</summary>
internal sealed class ImportFile
{
    public Guid ImportId { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>One data row of an import and its plan (values, changes and problems as jsonb).</summary>
internal sealed class ImportRowRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid ImportId { get; set; }

    public int Line { get; set; }

    public RowAction Action { get; set; }

    public Guid? CityId { get; set; }

    public Guid? TargetId { get; set; }

    public string Values { get; set; } = "{}";

    public string Changes { get; set; } = "[]";

    public string Problems { get; set; } = "[]";

    public static ImportRowRecord From(Guid importId, RowPlan plan) => new()
    {
        ImportId = importId, Line = plan.Line, Action = plan.Action, CityId = plan.CityId, TargetId = plan.TargetId,
        Values = JsonSerializer.Serialize(plan.Values, Json), Changes = JsonSerializer.Serialize(plan.Changes, Json), Problems = JsonSerializer.Serialize(plan.Problems, Json),
    };

    public ImportRowDto ToDto() => new(
        Line, null, Line, Action, CityId, TargetId,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(Values, Json) ?? [],
        JsonSerializer.Deserialize<List<FieldChangeDto>>(Changes, Json) ?? [],
        JsonSerializer.Deserialize<List<RowProblemDto>>(Problems, Json) ?? [], [], null);
}

/// <summary>What the planner decided for one row.</summary>
internal sealed record RowPlan(
    int Line, RowAction Action, Guid? CityId, Guid? TargetId, IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<FieldChangeDto> Changes, IReadOnlyList<RowProblemDto> Problems);
