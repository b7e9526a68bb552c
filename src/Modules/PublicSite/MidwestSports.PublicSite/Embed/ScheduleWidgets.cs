using Microsoft.AspNetCore.Http;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.PublicSite.Embed;

/// <summary>How a schedule widget groups its games: by week (one heading per week, playoffs last) or by team.</summary>
internal enum ScheduleView
{
    Week,
    Team,
}

/// <summary>A league's schedule (by week or by team, or one team's games) and a team's own schedule, as lists that wrap on a phone.</summary>
internal static class ScheduleWidgets
{
    public static string League(HttpContext http, PublicLeague league, PublicGames games, ScheduleView view, WidgetTheme theme)
    {
        var team = games.TeamId is { } teamId ? league.Teams.FirstOrDefault(t => t.Id == teamId) : null;
        var title = team is null ? $"{league.Name}: schedule" : $"{league.Name}: {team.Name}'s schedule";
        return WidgetDocument.Render(http, "schedule", title, theme, html =>
        {
            html.Add($"<h1>{league.Name}</h1><p class=\"mw-sub\">{(team is null ? "Schedule" : $"Schedule · {team.Name}")} · {league.Season}</p>");
            if (games.Games.Count == 0)
            {
                html.Add($"<p class=\"mw-empty\">No games scheduled yet.</p>");
                return;
            }

            if (view == ScheduleView.Week)
            {
                foreach (var week in games.Games.GroupBy(g => g.Week).OrderBy(w => w.Key ?? int.MaxValue))
                {
                    html.Add($"<h2>{(week.Key is { } number ? $"Week {number}" : "Playoffs")}</h2><ol>");
                    foreach (var game in week)
                    {
                        Game(html, game, games.TeamId);
                    }

                    html.Add($"</ol>");
                }

                return;
            }

            var teams = games.Games.SelectMany(g => new[] { g.Home, g.Away }).DistinctBy(t => t.Id)
                .Where(t => games.TeamId is null || t.Id == games.TeamId).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase);
            foreach (var each in teams)
            {
                html.Add($"<h2>{each.Name}</h2><ol>");
                foreach (var game in games.Games.Where(g => g.Home.Id == each.Id || g.Away.Id == each.Id))
                {
                    Game(html, game, each.Id);
                }

                html.Add($"</ol>");
            }
        });
    }

    public static string Team(HttpContext http, PublicTeamSchedule team, WidgetTheme theme) =>
        WidgetDocument.Render(http, "team-schedule", $"{team.Name}: schedule", theme, html =>
        {
            html.Add($"<h1>{team.Name}</h1><p class=\"mw-sub\">{team.League.Name} · {team.League.Season} · <span class=\"mw-nowrap\">Record {team.Won}-{team.Lost}-{team.Tied}</span></p>");
            if (team.Games.Count == 0)
            {
                html.Add($"<p class=\"mw-empty\">No games scheduled yet.</p>");
                return;
            }

            html.Add($"<ol>");
            foreach (var game in team.Games)
            {
                Game(html, game, team.Id);
            }

            html.Add($"</ol>");
        });

    /// <summary>One game; seen from a team (<paramref name="perspective"/>) it reads "vs"/"at" its opponent with W, L or T.</summary>
    private static void Game(WidgetHtml html, PublicGame game, Guid? perspective)
    {
        var when = game.Start is { } start ? $"{start:ddd MMM d} · {start:h:mm tt}" : game.Date is { } date ? $"{date:ddd MMM d}" : "Date to be set";
        html.Add($"<li class=\"mw-game\" data-game=\"{game.Id}\"><span class=\"mw-when\">{when}</span>");
        if (perspective is { } us && (game.Home.Id == us || game.Away.Id == us))
        {
            var home = game.Home.Id == us;
            html.Add($"<span class=\"mw-match\">{(home ? "vs" : "at")} {(home ? game.Away.Name : game.Home.Name)}</span>");
            html.Add($"<span class=\"mw-score\">{Outcome(game, home)}</span>");
        }
        else
        {
            html.Add($"<span class=\"mw-match\">{game.Home.Name} vs {game.Away.Name}</span><span class=\"mw-score\">{Score(game)}</span>");
        }

        if (Status(game) is { } status)
        {
            html.Add($"<span class=\"mw-status\">{status}</span>");
        }

        var where = string.Join(" · ", new[] { game.Venue?.Name, game.Field }.Where(p => !string.IsNullOrEmpty(p)));
        html.Add($"<span class=\"mw-where\">{(game.BracketCode is { } code ? $"Playoff {code}" + (where.Length > 0 ? " · " : string.Empty) : string.Empty)}{where}</span></li>");
    }

    private static string Score(PublicGame game) =>
        game is { HomeScore: { } home, AwayScore: { } away } && game.Status is not GameStatus.Cancelled ? $"{home}–{away}" : string.Empty;

    private static string Outcome(PublicGame game, bool home)
    {
        if (game is not { HomeScore: { } h, AwayScore: { } a } || game.Status is GameStatus.Cancelled or GameStatus.Scheduled)
        {
            return string.Empty;
        }

        var (ours, theirs) = home ? (h, a) : (a, h);
        var letter = ours > theirs ? "W" : ours < theirs ? "L" : "T";
        return $"{letter} {ours}–{theirs}";
    }

    private static string? Status(PublicGame game) => game.Status switch
    {
        GameStatus.Cancelled => "Cancelled",
        GameStatus.Forfeit => game.ForfeitedBy == game.Home.Id ? $"Forfeit by {game.Home.Name}" : game.ForfeitedBy == game.Away.Id ? $"Forfeit by {game.Away.Name}" : "Forfeit",
        _ => null,
    };
}
