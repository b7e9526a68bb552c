using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Import.Kinds.Sponsors;

/// <summary>
/// Plans one sponsors row: the sponsor it names (by normalised name, so "Joe's Pub", "Joes Pub" and "JOE'S PUB " are
/// one, among the sponsors the caller sees), its cities (names separated by ; , or |, each one of the caller's), and so
/// whether committing would create it, update its contact, email, phone, website or cities (mapped columns only; the name is the
/// key and is never rewritten), leave it unchanged, or cannot. A close but different name is a suggestion to accept
/// (update that sponsor) or reject (create a new one), never applied on its own.
/// </summary>
internal sealed class SponsorRowPlanner(IReadOnlyList<SponsorDto> sponsors, CityNames cities, PlanningContext context) : IRowPlanner
{
    private readonly ILookup<string, SponsorDto> byName = sponsors.Where(s => s.CityIds.Any(context.Scope.Includes)).ToLookup(s => NaturalKeys.Of(s.Name));

    /// <summary>The sponsor (its id, else its name key) → the first line that named it, and how: a second row for it is a duplicate.</summary>
    private readonly Dictionary<string, (int Line, string Name)> seen = new(StringComparer.Ordinal);

    public ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct) => ValueTask.FromResult(Plan(row, choice));

    private RowPlan Plan(ImportRow row, RowChoice? choice)
    {
        var headers = context.Headers;
        var check = new RowChecks(row, headers);
        var name = check.Text("name", 120, required: true);
        var contact = check.Text("contactName", 120);
        var email = check.Email("email");
        var phone = check.Phone("phone");
        var website = Website(check);
        var citiesText = check.Text("cities", 500);
        var cityIds = citiesText is null ? null : Cities(check, citiesText);
        if (cityIds is null && context.CityId is { } importCity)
        {
            cityIds = [importCity];
        }

        SponsorDto? existing = null;
        IReadOnlyList<SponsorDto> visible = [];
        IReadOnlyList<SuggestionDto> suggestions = [];
        if (name is not null)
        {
            var named = byName[NaturalKeys.Of(name)].ToList();
            if (named.Count > 1)
            {
                check.Fail("name", name, "sponsor_ambiguous", $"Several sponsors are named {name}: rename one of them first, then import again.");
            }

            existing = named.Count == 1 ? named[0] : null;
            if (existing is null && choice is { Decision: SuggestionDecision.Accepted, TargetId: { } accepted })
            {
                existing = byName.SelectMany(g => g).FirstOrDefault(s => s.Id == accepted);
            }
            else if (existing is null && named.Count == 0 && choice?.Decision != SuggestionDecision.Rejected)
            {
                suggestions = [.. NearMatches.Ranked(name, byName.SelectMany(g => g).Select(s => (s.Id, s.Name))).Select(m => new SuggestionDto(m.Id, m.Name, m.Score))];
                if (suggestions.Count > 0)
                {
                    check.Warn("name", name, "similar_exists", $"A sponsor named {suggestions[0].Name} exists: accept the suggestion to update it, or reject it to create {name}.");
                }
            }

            var key = existing?.Id.ToString() ?? NaturalKeys.Of(name);
            if (seen.TryGetValue(key, out var first))
            {
                check.Fail("name", name, "duplicate_in_file", $"Line {first.Line} already imports {existing?.Name ?? first.Name}.");
            }
            else
            {
                seen[key] = (row.Line, name);
            }
        }

        var values = row.Values; // the row's own read-only map: no copy per row
        if (existing is null && cityIds is null && !check.HasErrors)
        {
            check.Fail("cities", null, "required", $"{headers.Label("cities")} is required for a new sponsor.");
        }

        if (check.HasErrors || name is null)
        {
            return new RowPlan(row.Line, RowAction.Error, cityIds?.FirstOrDefault(), existing?.Id, values, [], check.Problems) { Suggestions = suggestions };
        }

        if (existing is null)
        {
            return new RowPlan(row.Line, RowAction.Create, cityIds![0], null, values, [], check.Problems)
            {
                Suggestions = suggestions,
                Write = new SponsorImportRow(null, null, new SponsorFields(name, contact, email, phone, website, cityIds)),
            };
        }

        return Update(row, check, existing, values, new SponsorFields(name, contact, email, phone, website, cityIds ?? []), citiesText is not null);
    }

    /// <param name="read">The row's values; its cities count only when <paramref name="hasCities"/>: the cell named some (a blank cell leaves them).</param>
    private RowPlan Update(ImportRow row, RowChecks check, SponsorDto existing, IReadOnlyDictionary<string, string?> values, SponsorFields read, bool hasCities)
    {
        var headers = context.Headers;
        var changes = new List<FieldChangeDto>();
        void Compare(string field, string? from, string? to)
        {
            if (headers.IsMapped(field) && !string.Equals(from ?? string.Empty, to ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(new FieldChangeDto(field, from, to));
            }
        }

        Compare("contactName", existing.ContactName, read.ContactName);
        Compare("email", existing.Email, read.Email);
        Compare("phone", existing.Phone, read.Phone);
        Compare("website", existing.Website, read.Website);
        var newCities = hasCities && headers.IsMapped("cities") ? read.CityIds : existing.CityIds;
        if (!newCities.ToHashSet().SetEquals(existing.CityIds))
        {
            changes.Add(new FieldChangeDto("cities", cities.Describe(existing.CityIds), cities.Describe(newCities)));
        }

        var cityId = existing.CityIds.FirstOrDefault(context.Scope.Includes);
        if (!existing.Active)
        {
            check.Warn("name", existing.Name, "sponsor_inactive", $"{existing.Name} is no longer an active sponsor: the import does not make it active again.");
        }

        // Changing a sponsor needs every city it operates in (a Milwaukee admin cannot edit Chicago's sponsor).
        var notHeld = existing.CityIds.FirstOrDefault(c => !context.Scope.Includes(c));
        if (changes.Count > 0 && notHeld != Guid.Empty)
        {
            check.Fail("cities", cities.NameOf(notHeld), "not_in_your_cities", $"{existing.Name} also operates in {cities.NameOf(notHeld)}, which is not in your cities.");
            return new RowPlan(row.Line, RowAction.Error, cityId, existing.Id, values, [], check.Problems);
        }

        var plan = new RowPlan(row.Line, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, cityId, existing.Id, values, changes, check.Problems)
        {
            TargetVersion = existing.Version,
        };
        if (changes.Count == 0)
        {
            return plan;
        }

        var fields = new SponsorFields(
            existing.Name,
            headers.IsMapped("contactName") ? read.ContactName : existing.ContactName,
            headers.IsMapped("email") ? read.Email : existing.Email,
            headers.IsMapped("phone") ? read.Phone : existing.Phone,
            headers.IsMapped("website") ? read.Website : existing.Website,
            newCities);
        return plan with { Write = new SponsorImportRow(existing.Id, existing.Version, fields) };
    }

    /// <summary>A web address; "www.joespub.example" is read as https://www.joespub.example (and says so).</summary>
    private static string? Website(RowChecks check)
    {
        var text = check.Text("website", 300);
        if (text is null)
        {
            return null;
        }

        var address = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return check.Fail("website", text, "invalid_website", $"'{text}' is not a web address such as https://www.example.com.");
        }

        if (address != text)
        {
            check.Warn("website", text, "website_scheme", $"Read as {address}.");
        }

        return address.Length > 300 ? check.Fail("website", text, "too_long", "The web address is longer than 300 characters.") : address;
    }

    /// <summary>The cell's cities, each one of the caller's; null (with the row's errors) when any is not.</summary>
    private List<Guid>? Cities(RowChecks check, string text)
    {
        var names = CityNames.Split(text);
        if (names.Count == 0)
        {
            // Only separators (",", "; ,"): no city named, which a sponsor cannot be left with.
            return check.Fail<List<Guid>?>("cities", text, "required", $"{context.Headers.Label("cities")} names no city.");
        }

        var found = names.Select(n => cities.Find(check, "cities", n)).ToList();
        return found.Any(c => c is null) ? null : [.. found.Select(c => c!.Id).Distinct()];
    }
}
