using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Players;

/// <summary>
/// Plans one roster row: the team (by league, city and season, and natural name; by name alone in the caller's cities
/// when the file has no League column), the player it matches on that team (by email ignoring case, else by natural
/// name; a similar name is offered, never applied), and so whether committing would add, update (each field's change),
/// leave it unchanged, or cannot. A captain flag reads yes/no, true/false, x, 1/0 or "captain"; a file names at most
/// one captain per team, and naming one steps the team's current captain down (a warning says who). Phones stay text.
/// </summary>
internal sealed class PlayerRowPlanner(RowLeagues leagues, Rosters rosters, ColumnHeaders headers) : IRowPlanner
{
    private static readonly string[] Yes = ["yes", "y", "true", "x", "1", "captain"];

    private static readonly string[] No = ["no", "n", "false", "0"];

    /// <summary>(team, key) → the first line that named the player (by its match, email or name): a second is a duplicate.</summary>
    private readonly FirstLines seen = new();

    /// <summary>By team, the row that leaves it with a captain: one naming the captain, or one saving the captain again with a blank Captain cell.</summary>
    private readonly Dictionary<Guid, (int Line, string Name, bool Kept)> captains = [];

    public async ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct)
    {
        var check = new RowChecks(row, headers);
        var teamName = check.Text("team", 100, required: true);
        var leagueName = check.Text("league", 120);
        var city = check.Text("city", 100);
        var season = check.Text("season", 20);
        var name = check.Text("name", 100, required: true);
        var email = check.Email("email");
        var phone = check.Phone("phone");
        var captain = Captain(check);

        LeagueFacts? league = null;
        TeamDto? team = null;
        if (teamName is not null && leagueName is not null)
        {
            league = leagues.League(check, leagueName, city, season);
            team = league is null ? null : await leagues.TeamAsync(check, "team", teamName, league, ct);
        }
        else if (teamName is not null && await leagues.TeamAnywhereAsync(check, teamName, city, season, ct) is { } found)
        {
            (league, team) = found;
        }

        var values = row.Values; // the row's own read-only map: no copy per row
        if (check.HasErrors || league is null || team is null || name is null)
        {
            return new RowPlan(row.Line, RowAction.Error, league?.CityId, null, values, [], check.Problems);
        }

        var roster = await rosters.OfAsync(league.LeagueId, team.Id, ct);
        var existing = (email is null ? null : roster.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)))
            ?? roster.FirstOrDefault(p => NaturalKeys.Of(p.Name) == NaturalKeys.Of(name));
        IReadOnlyList<SuggestionDto> suggestions = [];
        if (existing is null && choice is { Decision: SuggestionDecision.Accepted, TargetId: { } accepted })
        {
            existing = roster.FirstOrDefault(p => p.Id == accepted);
        }
        else if (existing is null && choice?.Decision != SuggestionDecision.Rejected)
        {
            suggestions = [.. NearMatches.Ranked(name, roster.Select(p => (p.Id, p.Name))).Select(m => new SuggestionDto(m.Id, m.Name, m.Score))];
            if (suggestions.Count > 0)
            {
                check.Warn("name", name, "similar_exists", $"{team.Name} has a player named {suggestions[0].Name}: accept the suggestion to update them, or reject it to add {name}.");
            }
        }

        NoteDuplicate(check, row.Line, team, name, email, existing);
        var isCaptain = captain ?? existing?.IsCaptain ?? false;
        if (captain == true && !check.HasErrors)
        {
            NoteCaptain(check, row.Line, team, name, row.Values.GetValueOrDefault("captain"), roster.FirstOrDefault(p => p.IsCaptain && p.Id != existing?.Id));
        }

        if (check.HasErrors)
        {
            return new RowPlan(row.Line, RowAction.Error, league.CityId, existing?.Id, values, [], check.Problems) { Suggestions = suggestions };
        }

        if (existing is null)
        {
            return new RowPlan(row.Line, RowAction.Create, league.CityId, null, values, [], check.Problems)
            {
                Suggestions = suggestions, Write = new PlayerImportRow(team.Id, null, null, new PlayerFields(name, email, phone, isCaptain)),
            };
        }

        // An email matches ignoring case: "PAT@example.org" in a file is no change to pat@example.org.
        var sameEmail = string.Equals(email, existing.Email, StringComparison.OrdinalIgnoreCase);
        var fields = new PlayerFields(
            name, headers.IsMapped("email") && !sameEmail ? email : existing.Email, headers.IsMapped("phone") ? phone : existing.Phone, isCaptain);
        var changes = new List<FieldChangeDto>();
        Compare(changes, "name", existing.Name, fields.Name);
        Compare(changes, "email", existing.Email, fields.Email);
        Compare(changes, "phone", existing.Phone, fields.Phone);
        Compare(changes, "captain", existing.IsCaptain ? "yes" : "no", fields.IsCaptain ? "yes" : "no");
        if (captain is null && existing.IsCaptain && changes.Count > 0 && !KeepCaptain(check, row.Line, team, name, row.Values.GetValueOrDefault("captain")))
        {
            return new RowPlan(row.Line, RowAction.Error, league.CityId, existing.Id, values, [], check.Problems);
        }

        return new RowPlan(row.Line, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, league.CityId, existing.Id, values, changes, check.Problems)
        {
            TargetVersion = existing.Version,
            Write = changes.Count > 0 ? new PlayerImportRow(team.Id, existing.Id, existing.Version, fields) : null,
        };
    }

    private static void Compare(List<FieldChangeDto> changes, string field, string? from, string? to)
    {
        if (!string.Equals(from ?? string.Empty, to ?? string.Empty, StringComparison.Ordinal))
        {
            changes.Add(new FieldChangeDto(field, from, to));
        }
    }

    /// <summary>The captain flag as files write it; blank (or no column) is null: a new player is not captain, an existing one keeps their flag.</summary>
    private static bool? Captain(RowChecks check)
    {
        var value = check.Text("captain", 20);
        var key = NaturalKeys.Of(value);
        return value is null ? null
            : Yes.Contains(key) ? true
            : No.Contains(key) ? false
            : check.Fail<bool?>("captain", value, "invalid_captain", $"Captain '{value}' is not yes or no (yes/no, true/false, x, 1/0 or captain).");
    }

    /// <summary>A player the file already named on this team (the same match, email or name) is a duplicate.</summary>
    private void NoteDuplicate(RowChecks check, int line, TeamDto team, string name, string? email, PlayerDto? existing)
    {
        string[] keys = [existing is null ? "n:" + NaturalKeys.Of(name) : "p:" + existing.Id, .. email is null ? Array.Empty<string>() : ["e:" + email.ToLowerInvariant()]];
        var first = keys.Select(k => seen.Find(team.Id, k)).FirstOrDefault(l => l is not null);
        if (first is not null)
        {
            check.Fail("name", name, "duplicate_in_file", $"Line {first} already imports {name} onto {team.Name}.");
            return;
        }

        foreach (var key in keys)
        {
            seen.Add(team.Id, key, line);
        }
    }

    /// <summary>
    /// A captain's row that changes something else and leaves the Captain cell blank keeps them captain; false (with the
    /// row's error) when another row of the file names a new captain of that team.
    /// </summary>
    private bool KeepCaptain(RowChecks check, int line, TeamDto team, string name, string? flag)
    {
        if (captains.TryGetValue(team.Id, out var first))
        {
            check.Fail("captain", flag, "second_captain", $"Line {first.Line} makes {first.Name} captain of {team.Name}, and this row's blank Captain cell keeps {name} captain: write \"no\" here.");
            return false;
        }

        captains[team.Id] = (line, name, true);
        return true;
    }

    /// <summary>One captain per team in a file; naming one steps the team's current captain (another player) down, which the row says.</summary>
    private void NoteCaptain(RowChecks check, int line, TeamDto team, string name, string? flag, PlayerDto? current)
    {
        if (captains.TryGetValue(team.Id, out var first))
        {
            check.Fail("captain", flag, "second_captain", first.Kept
                ? $"Line {first.Line} saves {first.Name}, captain of {team.Name}, with a blank Captain cell, which keeps them captain: write \"no\" there to make {name} captain."
                : $"Line {first.Line} already names the captain of {team.Name}; a team has one, so {name} cannot be captain too.");
            return;
        }

        captains[team.Id] = (line, name, false);
        if (current is not null)
        {
            check.Warn("captain", flag, "captain_replaced", $"{current.Name} steps down as captain of {team.Name}.");
        }
    }
}
