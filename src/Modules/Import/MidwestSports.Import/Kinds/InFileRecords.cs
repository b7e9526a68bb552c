using MidwestSports.Import.Mapping;

namespace MidwestSports.Import.Kinds;

/// <summary>
/// What the earlier sheets of a workbook create, so later sheets may refer to it before it exists: a leagues sheet's new
/// league is found by a teams sheet's row by the same natural key. Each record gets its id when planned (the commit
/// creates it with that id), so a reference resolves to the same id in the preview and in the commit.
/// </summary>
internal sealed class InFileRecords
{
    private readonly Dictionary<(string Kind, string Key), object> records = [];

    public void Add(string kind, string key, object record) => records.TryAdd((kind, NaturalKeys.Of(key)), record);

    public T? Find<T>(string kind, string key)
        where T : class => records.GetValueOrDefault((kind, NaturalKeys.Of(key))) as T;

    public IEnumerable<T> All<T>(string kind)
        where T : class => records.Where(r => r.Key.Kind == kind).Select(r => r.Value).OfType<T>();
}
