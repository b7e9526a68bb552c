using MidwestSports.Import.Contracts;

namespace MidwestSports.Import.Fields;

/// <summary>
/// The fields of each kind, in template order. The teams kind reads the columns the team CSV export writes (Team,
/// League, City, Sport, Season, Sponsor, Captain, Id), so an export can be imported back.
/// </summary>
internal static class ImportFieldCatalog
{
    private static readonly Dictionary<ImportKind, ImportField[]> Fields = new()
    {
        [ImportKind.Leagues] =
        [
            new("name", "League", true, "League Name", "Name"),
            new("sport", "Sport", true, "Game"),
            new("city", "City", true, "Location", "Market"),
            new("season", "Season", true, "Term", "Season Name"),
            new("night", "Night", false, "Day", "Game Night", "Day Of Week", "Weeknight"),
            new("level", "Level", false, "Division", "Skill Level", "Skill"),
            new("status", "Status", false, "League Status"),
        ],
        [ImportKind.Sponsors] =
        [
            new("name", "Sponsor", true, "Sponsor Name", "Business", "Business Name", "Name", "Company"),
            new("contactName", "Contact", false, "Contact Name", "Owner", "Manager"),
            new("email", "Email", false, "E-mail", "Contact Email", "Email Address"),
            new("phone", "Phone", false, "Contact Phone", "Phone Number", "Telephone", "Tel"),
            new("website", "Website", false, "Web Site", "Web", "Url", "Web Address"),
            new("cities", "Cities", true, "City", "Markets", "Market", "Locations", "Location"),
        ],
        [ImportKind.Teams] =
        [
            new("name", "Team", true, "Team Name", "Squad", "Squad Name", "Name"),
            new("league", "League", true, "League Name", "Division"),
            new("city", "City", false, "Location", "Market"),
            new("sport", "Sport", false),
            new("season", "Season", false, "Term", "Season Name"),
            new("sponsor", "Sponsor", false, "Sponsor Name", "Sponsored By", "Business"),
            new("captainName", "Captain", true, "Captain Name", "Team Captain", "Contact", "Contact Name"),
            new("captainEmail", "Captain Email", false, "Captain E-mail", "Captains Email", "Email", "E-mail", "Contact Email"),
            new("captainPhone", "Captain Phone", false, "Captain Cell", "Captains Phone", "Phone", "Cell", "Mobile", "Contact Phone"),
            new("rosterSize", "Roster Size", false, "Team Size", "Number Of Players", "Players"),
            new("status", "Status", false, "Team Status"),
            new("id", "Id", false, "Team Id"),
        ],
        [ImportKind.Players] =
        [
            new("team", "Team", true, "Team Name", "Squad", "Squad Name"),
            new("league", "League", false, "League Name", "Division"),
            new("city", "City", false, "Location", "Market"),
            new("season", "Season", false, "Term", "Season Name"),
            new("name", "Player", true, "Player Name", "Name", "Full Name"),
            new("email", "Email", false, "E-mail", "Player Email", "Player E-mail", "Email Address", "E-mail Address"),
            new("phone", "Phone", false, "Player Phone", "Mobile", "Cell", "Cell Phone", "Phone Number", "Telephone"),
            new("captain", "Captain", false, "Is Captain", "Team Captain", "Capt"),
        ],
        [ImportKind.Games] =
        [
            new("league", "League", true, "League Name", "Division"),
            new("city", "City", false, "Location"),
            new("season", "Season", false, "Term"),
            new("date", "Date", true, "Game Date", "Day"),
            new("startTime", "Start Time", false, "Time", "Start", "Game Time", "Kickoff"),
            new("venue", "Venue", false, "Venue Name", "Park", "Location Name", "Facility", "Site"),
            new("field", "Field", false, "Field Name", "Court", "Lane", "Diamond", "Pitch"),
            new("homeTeam", "Home Team", true, "Home"),
            new("awayTeam", "Away Team", true, "Away", "Visitor", "Visitors", "Visiting Team"),
            new("homeScore", "Home Score", false, "Home Runs", "Home Points"),
            new("awayScore", "Away Score", false, "Away Runs", "Away Points", "Visitor Score"),
            new("forfeit", "Forfeit", false, "Forfeited By", "Forfeiting Team", "Forfeit By"),
            new("status", "Status", false, "Game Status", "Result Status"),
        ],
    };

    public static IReadOnlyList<ImportField> Of(ImportKind kind) => Fields[kind];

    /// <summary>A kind from its API spelling ("teams"), ignoring case; a number or an unknown word is no kind.</summary>
    public static bool TryParseKind(string? text, out ImportKind kind)
    {
        kind = default;
        var name = Enum.GetNames<ImportKind>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out kind);
    }

    /// <summary>The API spelling of a kind: "teams".</summary>
    public static string Slug(ImportKind kind) => kind.ToString().ToLowerInvariant();
}
