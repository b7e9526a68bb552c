using Microsoft.AspNetCore.Http;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.PublicSite.Embed;

/// <summary>A playoff bracket: a column per round (winners', losers', then the grand final) that scrolls sideways inside its own box.</summary>
internal static class BracketWidget
{
    public static string Render(HttpContext http, PublicBracket bracket, WidgetTheme theme) =>
        WidgetDocument.Render(http, "bracket", $"{bracket.LeagueName}: playoffs", theme, html =>
        {
            html.Add($"<h1>{bracket.LeagueName}</h1><p class=\"mw-sub\">Playoffs{(bracket.Format is PlayoffFormat.DoubleElimination ? " · double elimination" : string.Empty)}</p>");
            if (bracket.Matches.Count == 0)
            {
                html.Add($"<p class=\"mw-empty\">No playoff bracket yet.</p>");
                return;
            }

            if (bracket.Champion is { } champion)
            {
                html.Add($"<p class=\"mw-champion\">Champion: {champion.Name}</p>");
            }

            var lastRound = bracket.Matches.Max(m => m.Round);
            html.Add($"<div class=\"mw-bracket\">");
            foreach (var round in bracket.Matches.GroupBy(m => (m.Side, m.Round)))
            {
                var name = round.Key.Side == "Final" ? "Grand final"
                    : bracket.Format != PlayoffFormat.SingleElimination ? $"{round.Key.Side} round {round.Key.Round}"
                    : round.Key.Round == lastRound ? "Final" : $"Round {round.Key.Round}";
                html.Add($"<section class=\"mw-round\"><h2>{name}</h2><div class=\"mw-matches\">");
                foreach (var match in round)
                {
                    html.Add($"<div class=\"mw-match-box{(match.Needed ? string.Empty : " mw-unneeded")}\" data-match=\"{match.Code}\">");
                    Line(html, match.HomeSeed, match.HomeTeamName, match.HomeScore, match.WinnerId is not null && match.WinnerId == match.HomeTeamId, match.IsBye);
                    Line(html, match.AwaySeed, match.AwayTeamName, match.AwayScore, match.WinnerId is not null && match.WinnerId == match.AwayTeamId, match.IsBye);
                    html.Add($"</div>");
                }

                html.Add($"</div></section>");
            }

            html.Add($"</div>");
        });

    private static void Line(WidgetHtml html, int? seed, string? name, int? score, bool won, bool bye)
    {
        var shown = name is null ? (bye ? "bye" : "to be decided") : seed is { } s ? $"{s}. {name}" : name;
        html.Add($"<div class=\"mw-line{(won ? " mw-won" : string.Empty)}\"><span>{shown}</span><span>{score}</span></div>");
    }
}
