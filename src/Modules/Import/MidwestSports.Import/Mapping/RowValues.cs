using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MidwestSports.Import.Mapping;

/// <summary>
/// The mapped fields of a table, in column order, each with its slot in a row's <see cref="RowValues"/>: built once per
/// reading of the file and shared by all its rows.
/// </summary>
internal sealed class RowFields
{
    private readonly Dictionary<string, int> slots;

    public RowFields(IReadOnlyList<string> names)
    {
        Names = names;
        slots = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            slots.Add(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryGetSlot(string field, out int slot) => slots.TryGetValue(field, out slot);
}

/// <summary>
/// One row's mapped values by field: an array of the row's texts over the table's shared <see cref="RowFields"/>. A
/// large file's rows are read one at a time, and each one was a dictionary of its own (buckets, entries, the object)
/// before; the array is what is left of it.
/// </summary>
internal sealed class RowValues(RowFields fields, string?[] values) : IReadOnlyDictionary<string, string?>
{
    public int Count => values.Length;

    public IEnumerable<string> Keys => fields.Names;

    public IEnumerable<string?> Values => values;

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no field '{key}'.");

    public bool ContainsKey(string key) => fields.TryGetSlot(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        if (fields.TryGetSlot(key, out var slot))
        {
            value = values[slot];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return new KeyValuePair<string, string?>(fields.Names[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
