using System.Globalization;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Import.Kinds.Teams;

/// <summary>
/// Plans one teams row: its league (by name, narrowed by city and season), its sponsor (by normalised name, active and
/// operating in the league's city), the team it matches (by id, else league and normalised name), and so whether
/// committing would create it, update it (with each field's change), leave it unchanged, or cannot (errors). Only
/// mapped columns are compared: a file without a Sponsor column leaves sponsors alone.
/// </summary>
internal sealed class TeamRowPlanner(TeamReferences references, CityScope scope, Guid? defaultCityId, ColumnHeaders headers, bool suggest = true) : IRowPlanner
{
    /// <summary>(league, team key) → the first line that named it: a second row for one team is a duplicate.</summary>
    private readonly FirstLines seen = new();

    private readonly RowLeagues leagues = new(references, scope, defaultCityId);

    public async ValueTask<RowPlan> PlanAsync(ImportRow row, RowChoice? choice, CancellationToken ct)
    {
        var check = new RowChecks(row, headers);
        var name = check.Text("name", 100, required: true);
        var leagueName = check.Text("league", 120, required: true);
        var city = check.Text("city", 100);
        var season = check.Text("season", 20);
        check.Text("sport", 40);
        var sponsorName = check.Text("sponsor", 120);
        var captain = check.Text("captainName", 100);
        var email = check.Email("captainEmail");
        var phone = check.Phone("captainPhone");
        var rosterSize = check.Number("rosterSize", 0, 60);
        var status = check.Choice<TeamStatus>("status");
        var idText = check.Text("id", 40);

        var league = leagueName is null ? null : leagues.League(check, leagueName, city, season);
        var sponsor = league is null || sponsorName is null ? null : Sponsor(check, sponsorName, league);
        TeamDto? existing = null;
        IReadOnlyList<SuggestionDto> suggestions = [];
        if (league is not null && name is not null)
        {
            var teams = await references.TeamsOfAsync(league.LeagueId, ct);
            existing = Guid.TryParse(idText, out var id) ? teams.WithId(id) : null;
            if (idText is not null && existing is null)
            {
                check.Warn("id", idText, "unknown_id", "No team of this league has this id: the team is matched by its name instead.");
            }

            var nameKey = NaturalKeys.Of(name);
            existing ??= teams.Matching(name, nameKey);
            if (existing is null && choice is { Decision: SuggestionDecision.Accepted, TargetId: { } accepted })
            {
                existing = teams.WithId(accepted);
            }
            else if (existing is null && choice?.Decision != SuggestionDecision.Rejected && suggest)
            {
                suggestions = teams.Similar(name);
                if (suggestions.Count > 0)
                {
                    check.Warn("name", name, "similar_exists", $"{league.Name} has a team named {suggestions[0].Name}: accept the suggestion to update it, or reject it to create {name}.");
                }
            }

            var renamed = existing is not null && existing.Name != name && headers.IsMapped("name");
            // A row for an existing team is that team (two teams may share a natural key: "Joe's Pub", "Joes Pub");
            // a new team is its name in the league.
            var firstLine = existing is null ? seen.FirstOr(league.LeagueId, nameKey, row.Line) : seen.FirstOr(existing.Id, string.Empty, row.Line);
            if (firstLine is { } first)
            {
                check.Fail("name", name, "duplicate_in_file", $"Line {first} already imports {name} into {league.Name}.");
            }
            else if (renamed && existing is not null && teams.TakenBy(name, existing) is { } holder)
            {
                check.Fail("name", name, "name_taken", $"{league.Name} already has a team named {holder.Name}: {existing.Name} cannot be renamed to it.");
            }
            else if (renamed && seen.FirstOr(league.LeagueId, nameKey, row.Line) is { } claimed)
            {
                // The new name is one another row of the file creates or renames to.
                check.Fail("name", name, "duplicate_in_file", $"Line {claimed} already imports {name} into {league.Name}.");
            }
        }

        if (existing is null && captain is null && !check.HasErrors)
        {
            check.Fail("captainName", null, "required", $"{headers.Label("captainName")} is required for a new team.");
        }

        var values = row.Values; // the row's own read-only map: no copy per row
        if (check.HasErrors || league is null || name is null)
        {
            return new RowPlan(row.Line, RowAction.Error, league?.CityId, existing?.Id, values, [], check.Problems) { Suggestions = suggestions };
        }

        if (existing is null)
        {
            var fields = new TeamFields(name, league.LeagueId, sponsor?.SponsorId, captain!, email, phone, rosterSize ?? 0, status ?? TeamStatus.Active);
            return new RowPlan(row.Line, RowAction.Create, league.CityId, null, values, [], check.Problems)
            {
                Suggestions = suggestions, Write = new TeamImportRow(null, null, fields),
            };
        }

        var changes = new List<FieldChangeDto>();
        void Compare(string field, string? from, string? to)
        {
            if (headers.IsMapped(field) && !string.Equals(from ?? string.Empty, to ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(new FieldChangeDto(field, from, to));
            }
        }

        Compare("name", existing.Name, name);
        Compare("sponsor", existing.SponsorId is { } had ? references.SponsorName(had) ?? had.ToString() : null, sponsor?.Name);
        if (captain is not null)
        {
            Compare("captainName", existing.CaptainName, captain);
        }

        Compare("captainEmail", existing.CaptainEmail, email);
        Compare("captainPhone", existing.CaptainPhone, phone);
        if (rosterSize is not null)
        {
            Compare("rosterSize", existing.RosterSize.ToString(CultureInfo.InvariantCulture), rosterSize.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (status is not null)
        {
            Compare("status", existing.Status.ToString(), status.ToString());
        }

        var plan = new RowPlan(row.Line, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, league.CityId, existing.Id, values, changes, check.Problems)
        {
            TargetVersion = existing.Version,
        };
        if (changes.Count == 0)
        {
            return plan;
        }

        // A team saved again keeps its sponsor when the file has no Sponsor column: one that has since stopped
        // sponsoring in the league's city cannot be saved with it (the Teams module refuses the whole commit).
        if (!headers.IsMapped("sponsor") && existing.SponsorId is { } kept
            && references.SponsorWithId(kept) is var keptSponsor
            && (keptSponsor is null || !keptSponsor.Active || !keptSponsor.CityIds.Contains(league.CityId)))
        {
            var keptName = keptSponsor?.Name ?? "The team's sponsor";
            check.Fail("sponsor", keptName, "sponsor_inactive", $"{keptName} no longer sponsors teams in {league.CityName}: add a Sponsor column naming another sponsor, or leave it blank to remove it.");
            return new RowPlan(row.Line, RowAction.Error, league.CityId, existing.Id, values, [], check.Problems);
        }

        var updated = new TeamFields(
            headers.IsMapped("name") ? name : existing.Name,
            existing.LeagueId,
            headers.IsMapped("sponsor") ? sponsor?.SponsorId : existing.SponsorId,
            captain ?? existing.CaptainName,
            headers.IsMapped("captainEmail") ? email : existing.CaptainEmail,
            headers.IsMapped("captainPhone") ? phone : existing.CaptainPhone,
            rosterSize ?? existing.RosterSize,
            status ?? existing.Status);
        return plan with { Write = new TeamImportRow(existing.Id, existing.Version, updated) };
    }

    private MidwestSports.Sponsors.Contracts.SponsorFacts? Sponsor(RowChecks check, string sponsorName, LeagueFacts league)
    {
        // The first sponsor of that name in the league's city, an active one if there is: a loop, as it runs for every row.
        MidwestSports.Sponsors.Contracts.SponsorFacts? named = null;
        foreach (var candidate in references.SponsorsNamed(sponsorName))
        {
            if (candidate.CityIds.Contains(league.CityId) && (named is null || (candidate.Active && !named.Active)))
            {
                named = candidate;
            }
        }

        if (named is null)
        {
            var closest = NearMatches.Closest(sponsorName, references.SponsorsIn(league.CityId).Select(s => s.Name));
            return check.Fail<MidwestSports.Sponsors.Contracts.SponsorFacts?>("sponsor", sponsorName, "sponsor_not_found", $"No sponsor named {sponsorName} operates in {league.CityName}.{NearMatches.DidYouMean(closest)}");
        }

        return named.Active ? named : check.Fail<MidwestSports.Sponsors.Contracts.SponsorFacts?>("sponsor", sponsorName, "sponsor_inactive", $"{named.Name} is no longer an active sponsor.");
    }
}
