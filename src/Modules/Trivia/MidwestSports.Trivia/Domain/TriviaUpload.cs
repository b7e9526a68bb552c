using System.Text.Json;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Upload;

namespace MidwestSports.Trivia.Domain;

/// <summary>
/// A partner export uploaded by an admin: its rows as read, what was wrong with them, and what applying it would do
/// (the preview) or did. Nothing of it reaches the nights before it is applied.
/// </summary>
internal sealed class TriviaUpload
{
    public Guid Id { get; set; }

    public string FileName { get; set; } = string.Empty;

    public Guid? UploadedById { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public string Encoding { get; set; } = string.Empty;

    public string? Delimiter { get; set; }

    public TriviaUploadStatus Status { get; set; }

    /// <summary>The cities the upload's nights lie in, as far as they are known: who else may see and apply it.</summary>
    public Guid[] CityIds { get; set; } = [];

    /// <summary>The parsed rows (jsonb).</summary>
    public string Rows { get; set; } = "[]";

    /// <summary>The per-row messages (jsonb).</summary>
    public string Messages { get; set; } = "[]";

    public int RowCount { get; set; }

    /// <summary>The preview figures (jsonb).</summary>
    public string Preview { get; set; } = "{}";

    /// <summary>What applying did (jsonb), once applied.</summary>
    public string? Applied { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public IReadOnlyList<UploadedRow> ReadRows() => JsonSerializer.Deserialize<List<UploadedRow>>(Rows) ?? [];

    public TriviaUploadDto ToDto() => new(Id, FileName, UploadedBy, UploadedAt, Encoding, Delimiter, Status, RowCount,
        JsonSerializer.Deserialize<TriviaUploadFiguresDto>(Preview)!, Applied is null ? null : JsonSerializer.Deserialize<TriviaUploadFiguresDto>(Applied),
        Status == TriviaUploadStatus.Applied ? DecidedAt : null, JsonSerializer.Deserialize<List<TriviaUploadMessageDto>>(Messages) ?? []);
}
