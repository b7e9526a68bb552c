using MidwestSports.Import.Mapping;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Planning;

/// <summary>
/// Cities as files name them ("Milwaukee", "MILWAUKEE "), matched by natural name to the Leagues module's cities: an
/// unknown one is a row error with the closest of the caller's cities offered, another city is "not in your cities".
/// </summary>
internal sealed class CityNames(IReadOnlyList<CityDto> cities, CityScope scope)
{
    private static readonly char[] Separators = [';', ',', '|'];

    private readonly Dictionary<string, CityDto> byKey = cities.GroupBy(c => NaturalKeys.Of(c.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<Guid, string> names = cities.ToDictionary(c => c.Id, c => c.Name);

    public static async Task<CityNames> LoadAsync(ICityDirectory directory, CityScope scope, CancellationToken ct) => new(await directory.AllAsync(ct), scope);

    /// <summary>A list of cities in one cell: names separated by ; , or |.</summary>
    public static IReadOnlyList<string> Split(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The caller's city named <paramref name="name"/>; otherwise null, with the row's error recorded.</summary>
    public CityDto? Find(RowChecks check, string field, string name)
    {
        if (!byKey.TryGetValue(NaturalKeys.Of(name), out var city))
        {
            var closest = NearMatches.Closest(name, cities.Where(c => scope.Includes(c.Id)).Select(c => c.Name));
            return check.Fail<CityDto?>(field, name, "city_not_found", $"No city named {name}.{NearMatches.DidYouMean(closest)}");
        }

        return scope.Includes(city.Id) ? city : check.Fail<CityDto?>(field, name, "not_in_your_cities", $"{name} is not in your cities.");
    }

    public CityDto? WithId(Guid id) => cities.FirstOrDefault(c => c.Id == id);

    public string NameOf(Guid id) => names.GetValueOrDefault(id) ?? id.ToString();

    /// <summary>Cities as a cell shows them: names in order, separated by "; ".</summary>
    public string Describe(IEnumerable<Guid> ids) => string.Join("; ", ids.Select(NameOf).Order(StringComparer.Ordinal));
}
