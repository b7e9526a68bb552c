using System.Collections;
using System.Diagnostics.CodeAnalysis;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// The mapped fields of a table, in column order, each with the column it is read from: built once per reading of the
/// file and shared by all its rows' <see cref="RowValues"/>.
/// </summary>
internal sealed class RowFields
{
    private readonly Dictionary<string, int> slots;

    private readonly int[] columns;

    public RowFields(IReadOnlyList<(string Field, int Column)> mapped)
    {
        Names = [.. mapped.Select(m => m.Field)];
        columns = [.. mapped.Select(m => m.Column)];
        slots = new Dictionary<string, int>(mapped.Count, StringComparer.Ordinal);
        for (var i = 0; i < mapped.Count; i++)
        {
            slots.Add(mapped[i].Field, i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryGetSlot(string field, out int slot) => slots.TryGetValue(field, out slot);

    /// <summary>The cell of <paramref name="row"/> that field number <paramref name="slot"/> is read from.</summary>
    public string? Cell(SheetRow row, int slot) => row[columns[slot]];
}

/// <summary>
/// One row's mapped values by field: the row's own cells, read through the table's shared <see cref="RowFields"/>. A
/// large file's rows are read one at a time, and each one was a dictionary of its own (buckets, entries, the object)
/// before, filled from the cells; now nothing is copied.
/// </summary>
internal sealed class RowValues(RowFields fields, SheetRow row) : IReadOnlyDictionary<string, string?>
{
    public int Count => fields.Names.Count;

    public IEnumerable<string> Keys => fields.Names;

    public IEnumerable<string?> Values => Enumerable.Range(0, Count).Select(slot => fields.Cell(row, slot));

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no field '{key}'.");

    public bool ContainsKey(string key) => fields.TryGetSlot(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        if (fields.TryGetSlot(key, out var slot))
        {
            value = fields.Cell(row, slot);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        for (var slot = 0; slot < Count; slot++)
        {
            yield return new KeyValuePair<string, string?>(fields.Names[slot], fields.Cell(row, slot));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
