using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Analysis;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Persistence;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// Mappings admins saved, by kind and headers: a file with the same headers in the same order gets the saved choices
/// proposed (shown as "chosen"); the admin can still change them.
/// </summary>
internal static class SavedMappings
{
    public static async Task<IReadOnlyList<ImportPart>> ProposeAsync(ImportDbContext db, IReadOnlyList<ImportPart> parts, CancellationToken ct)
    {
        var result = new List<ImportPart>(parts.Count);
        foreach (var part in parts)
        {
            var saved = await db.SavedMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Kind == part.Kind && m.HeaderKey == part.Table.HeaderKey, ct);
            var choices = saved is null ? null : JsonSerializer.Deserialize<List<ColumnChoiceDto>>(saved.Columns, ImportBatch.Json);
            result.Add(choices is { Count: > 0 } && choices.All(c => c.Index < part.Table.Columns.Count)
                ? part with { Table = part.Table.WithChoices(choices) }
                : part);
        }

        return result;
    }

    /// <summary>Saves (or replaces) the mapping of a part for its headers: every mapped or deliberately ignored column.</summary>
    public static async Task SaveAsync(ImportDbContext db, ImportPart part, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var columns = JsonSerializer.Serialize(part.Table.Columns.Select(c => new ColumnChoiceDto(c.Index, c.Field)).ToList(), ImportBatch.Json);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO import.saved_mappings (kind, header_key, columns, saved_by, saved_at) VALUES ({part.Kind.ToString()}, {part.Table.HeaderKey}, {columns}::jsonb, {actor}, {now})
            ON CONFLICT (kind, header_key) DO UPDATE SET columns = excluded.columns, saved_by = excluded.saved_by, saved_at = excluded.saved_at
            """,
            ct);
    }
}
