using System.Security.Cryptography;
using System.Text;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Import.Kinds.Leagues;

/// <summary>
/// Plans one leagues row: its city (by natural name, one of the caller's; the import's city when the file has none),
/// its season ("Fall 2026"), and the league it matches by city, normalised name and season, so whether committing would
/// create it, update its sport, night, level or status (mapped columns only; the name is the key and is never
/// rewritten), leave it unchanged, or cannot. A close name in the same city and season is a suggestion to accept or
/// reject. Each league created or updated is recorded in the workbook's <see cref="InFileRecords"/> (kind "leagues", key
/// "city|name|season", a <see cref="LeagueFacts"/>) with the id the commit creates it with, so a later sheet can name it.
/// </summary>
internal sealed class LeagueRowPlanner(IReadOnlyList<LeagueDto> leagues, CityNames cities, PlanningContext context) : IRowPlanner
{
    public const string InFileKind = "leagues";

    private readonly ILookup<(Guid City, string Name, int Year, SeasonTerm Term), LeagueDto> byKey =
        leagues.Where(l => context.Scope.Includes(l.CityId)).ToLookup(l => (l.CityId, NaturalKeys.Of(l.Name), l.SeasonYear, l.Term));

    /// <summary>The league (its id, else its key) → the first line that named it, and how: a second row for it is a duplicate.</summary>
    private readonly Dictionary<string, (int Line, string Name)> seen = new(StringComparer.Ordinal);

    /// <summary>The key a workbook's later sheets find a league by: "city|name|season" (compared as a natural key).</summary>
    public static string InFileKey(string city, string name, SeasonTerm term, int year) => $"{city}|{name}|{term} {year}";

    public ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct) => ValueTask.FromResult(Plan(row, choice));

    private RowPlan Plan(ImportRow row, RowChoice? choice)
    {
        var check = new RowChecks(row, context.Headers);
        var name = check.Text("name", 120, required: true);
        var sport = Sport(check, check.Text("sport", 40));
        var city = City(check, check.Text("city", 100));
        var (term, year) = Season(check, check.Text("season", 20, required: true));
        var night = Night(check, check.Text("night", 20));
        var level = check.Text("level", 60);
        var status = check.Choice<LeagueStatus>("status");
        var values = row.Values; // the row's own read-only map: no copy per row
        if (name is null || city is null || term is null || year is null)
        {
            return new RowPlan(row.Line, RowAction.Error, city?.Id, null, values, [], check.Problems);
        }

        var (existing, suggestions) = Match(check, choice, name, city, term.Value, year.Value);
        var key = existing?.Id.ToString() ?? NaturalKeys.Of(InFileKey(city.Name, name, term.Value, year.Value));
        if (seen.TryGetValue(key, out var first))
        {
            check.Fail("name", name, "duplicate_in_file", $"Line {first.Line} already imports {existing?.Name ?? first.Name} in {city.Name}, {term} {year}.");
        }
        else
        {
            seen[key] = (row.Line, name);
        }

        if (existing is null && !check.HasErrors)
        {
            foreach (var (field, value) in new[] { ("sport", sport), ("night", night?.ToString()), ("level", level) }.Where(f => f.Item2 is null))
            {
                check.Fail(field, null, "required", $"{context.Headers.Label(field)} is required for a new league.");
            }
        }

        if (check.HasErrors)
        {
            return new RowPlan(row.Line, RowAction.Error, city.Id, existing?.Id, values, [], check.Problems) { Suggestions = suggestions };
        }

        if (existing is null)
        {
            var fields = new LeagueFields(name, sport!, city.Id, year.Value, term.Value, night!.Value, level!, status ?? LeagueStatus.Draft);
            var id = PlannedId(InFileKey(city.Name, name, term.Value, year.Value));
            context.InFile.Add(InFileKind, InFileKey(city.Name, name, term.Value, year.Value), new LeagueFacts(id, city.Id, city.Name, city.Version, name, fields.Sport, year.Value, term.Value, fields.Status, 0));
            return new RowPlan(row.Line, RowAction.Create, city.Id, null, values, [], check.Problems)
            {
                Suggestions = suggestions, Write = new LeagueImportRow(null, null, fields, id),
            };
        }

        return Update(row, check, existing, values, sport, night, level, status);
    }

    private RowPlan Update(ImportRow row, RowChecks check, LeagueDto existing, IReadOnlyDictionary<string, string?> values, string? sport, DayOfWeek? night, string? level, LeagueStatus? status)
    {
        var changes = new List<FieldChangeDto>();
        void Compare(string field, string from, string? to)
        {
            if (to is not null && !string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new FieldChangeDto(field, from, to));
            }
        }

        Compare("sport", existing.Sport, sport);
        Compare("night", existing.Night.ToString(), night?.ToString());
        Compare("level", existing.Level, level);
        Compare("status", existing.Status.ToString(), status?.ToString());
        var plan = new RowPlan(row.Line, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, existing.CityId, existing.Id, values, changes, check.Problems)
        {
            TargetVersion = existing.Version,
        };
        if (changes.Count == 0)
        {
            return plan;
        }

        var fields = new LeagueFields(existing.Name, sport ?? existing.Sport, existing.CityId, existing.SeasonYear, existing.Term, night ?? existing.Night, level ?? existing.Level, status ?? existing.Status);
        context.InFile.Add(InFileKind, InFileKey(existing.CityName, existing.Name, existing.Term, existing.SeasonYear), new LeagueFacts(
            existing.Id, existing.CityId, existing.CityName, cities.WithId(existing.CityId)?.Version ?? 0, existing.Name, fields.Sport, existing.SeasonYear, existing.Term, fields.Status, existing.Version));
        return plan with { Write = new LeagueImportRow(existing.Id, existing.Version, fields) };
    }

    /// <summary>The league of that city and season with the row's normalised name, else the accepted suggestion; otherwise close names as suggestions.</summary>
    private (LeagueDto? Existing, IReadOnlyList<SuggestionDto> Suggestions) Match(RowChecks check, RowChoice? choice, string name, CityDto city, SeasonTerm term, int year)
    {
        var existing = byKey[(city.Id, NaturalKeys.Of(name), year, term)].FirstOrDefault();
        if (existing is not null || choice?.Decision == SuggestionDecision.Rejected)
        {
            return (existing, []);
        }

        var sameSeason = byKey.Where(g => g.Key.City == city.Id && g.Key.Year == year && g.Key.Term == term).SelectMany(g => g).ToList();
        if (choice is { Decision: SuggestionDecision.Accepted, TargetId: { } accepted })
        {
            return (sameSeason.FirstOrDefault(l => l.Id == accepted), []);
        }

        IReadOnlyList<SuggestionDto> suggestions = [.. NearMatches.Ranked(name, sameSeason.Select(l => (l.Id, l.Name))).Select(m => new SuggestionDto(m.Id, m.Name, m.Score))];
        if (suggestions.Count > 0)
        {
            check.Warn("name", name, "similar_exists", $"{city.Name} has a league named {suggestions[0].Name} in {term} {year}: accept the suggestion to update it, or reject it to create {name}.");
        }

        return (null, suggestions);
    }

    /// <summary>The row's city (or the import's), one of the caller's; a row naming another city than the import's is an error.</summary>
    private CityDto? City(RowChecks check, string? name)
    {
        if (name is null)
        {
            return context.CityId is { } importCity ? cities.WithId(importCity)
                : check.Fail<CityDto?>("city", null, "required", $"{context.Headers.Label("city")} is required.");
        }

        var city = cities.Find(check, "city", name);
        return city is null || context.CityId is null || city.Id == context.CityId ? city
            : check.Fail<CityDto?>("city", name, "other_city", $"{city.Name} is not the city this import is for.");
    }

    private static (SeasonTerm? Term, int? Year) Season(RowChecks check, string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        return Seasons.TryParse(text, out var term, out var year) && term is not null && year is not null
            ? (term, year)
            : check.Fail<(SeasonTerm?, int?)>("season", text, "invalid_season", $"'{text}' is not a season such as Fall 2026.");
    }

    private static string? Sport(RowChecks check, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return LeagueSports.All.FirstOrDefault(s => NaturalKeys.Of(s) == NaturalKeys.Of(text))
            ?? check.Fail("sport", text, "invalid_sport", $"{text} is not a sport of ours ({string.Join(", ", LeagueSports.All)}).{NearMatches.DidYouMean(NearMatches.Closest(text, LeagueSports.All))}");
    }

    /// <summary>A night as files write it: "Tuesday", "Tuesdays", "Tue", "TUES".</summary>
    private static DayOfWeek? Night(RowChecks check, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var key = NaturalKeys.Of(text);
        key = key.EndsWith("days", StringComparison.Ordinal) ? key[..^1] : key;
        var days = Enum.GetValues<DayOfWeek>().Where(d => key.Length >= 2 && d.ToString().ToLowerInvariant().StartsWith(key, StringComparison.Ordinal)).ToList();
        return days.Count == 1 ? days[0] : check.Fail<DayOfWeek?>("night", text, "invalid_night", $"'{text}' is not a day of the week.");
    }

    /// <summary>The id the commit creates a new league with: the same in the preview and the commit of one import.</summary>
    private Guid PlannedId(string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.ImportId:N}|{InFileKind}|{NaturalKeys.Of(key)}")).AsSpan(0, 16));
}
