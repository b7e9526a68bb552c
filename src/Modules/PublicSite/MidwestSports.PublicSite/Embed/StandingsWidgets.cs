using System.Globalization;
using Microsoft.AspNetCore.Http;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.PublicSite.Embed;

/// <summary>A league's table and a trivia league's table. Columns a phone has no room for (points for and against) are hidden under 480 px.</summary>
internal static class StandingsWidgets
{
    public static string League(HttpContext http, PublicStandings standings, WidgetTheme theme) =>
        WidgetDocument.Render(http, "standings", $"{standings.LeagueName}: standings", theme, html =>
        {
            html.Add($"<h1>{standings.LeagueName}</h1><p class=\"mw-sub\">Standings · {standings.RuleSetTitle}</p>");
            if (standings.Rows.Count == 0)
            {
                html.Add($"<p class=\"mw-empty\">No teams yet.</p>");
                return;
            }

            html.Add($"<div class=\"mw-scroll\"><table><thead><tr>")
                .Add($"<th class=\"mw-pos\" scope=\"col\" title=\"Position\">#</th><th class=\"mw-team\" scope=\"col\">Team</th>")
                .Add($"<th scope=\"col\" title=\"Played\">GP</th><th scope=\"col\" title=\"Won\">W</th><th scope=\"col\" title=\"Lost\">L</th>")
                .Add($"<th scope=\"col\" title=\"Tied\">T</th><th scope=\"col\" title=\"Win percentage\">Pct</th>")
                .Add($"<th class=\"mw-wide\" scope=\"col\" title=\"Points for\">PF</th><th class=\"mw-wide\" scope=\"col\" title=\"Points against\">PA</th>")
                .Add($"<th class=\"mw-wide\" scope=\"col\" title=\"Differential\">+/-</th></tr></thead><tbody>");
            foreach (var row in standings.Rows)
            {
                html.Add($"<tr data-team=\"{row.Team.Id}\"><td class=\"mw-pos\">{row.Position}</td><td class=\"mw-team\">{row.Team.Name}</td>")
                    .Add($"<td>{row.Played}</td><td class=\"mw-w\">{row.Won}</td><td>{row.Lost}</td><td>{row.Tied}</td><td>{Percentage(row.WinPercentage)}</td>")
                    .Add($"<td class=\"mw-wide\">{row.PointsFor}</td><td class=\"mw-wide\">{row.PointsAgainst}</td><td class=\"mw-wide\">{Signed(row.Differential)}</td></tr>");
            }

            html.Add($"</tbody></table></div>");
        });

    public static string Trivia(HttpContext http, PublicTriviaStandings standings, WidgetTheme theme) =>
        WidgetDocument.Render(http, "trivia-standings", $"{standings.LeagueName}: trivia standings", theme, html =>
        {
            html.Add($"<h1>{standings.LeagueName}</h1><p class=\"mw-sub\">Trivia standings</p>");
            if (standings.Rows.Count == 0)
            {
                html.Add($"<p class=\"mw-empty\">No results yet.</p>");
                return;
            }

            html.Add($"<div class=\"mw-scroll\"><table><thead><tr>")
                .Add($"<th class=\"mw-pos\" scope=\"col\" title=\"Rank\">#</th><th class=\"mw-team\" scope=\"col\">Team</th>")
                .Add($"<th scope=\"col\" title=\"Nights played\">Nights</th><th class=\"mw-wide\" scope=\"col\" title=\"Nights won\">Wins</th>")
                .Add($"<th scope=\"col\">Points</th><th class=\"mw-wide\" scope=\"col\" title=\"Total score\">Score</th></tr></thead><tbody>");
            foreach (var row in standings.Rows)
            {
                html.Add($"<tr data-team=\"{row.TeamId}\"><td class=\"mw-pos\">{(row.SharedRank ? "T" : string.Empty)}{row.Rank}</td><td class=\"mw-team\">{row.TeamName}</td>")
                    .Add($"<td>{row.NightsPlayed}</td><td class=\"mw-wide\">{row.NightsWon}</td><td>{row.Points:0.##}</td><td class=\"mw-wide\">{row.TotalScore}</td></tr>");
            }

            html.Add($"</tbody></table></div>");
        });

    /// <summary>As sports tables print it: ".750", "1.000".</summary>
    private static string Percentage(decimal value)
    {
        var text = value.ToString("0.000", CultureInfo.InvariantCulture);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..] : text;
    }

    private static string Signed(int value) => value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
