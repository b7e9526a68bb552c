using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>What each matrix call is about (an entity in the target city, built fresh) and the request it sends.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private (Persona Persona, Guid City) Resolve(Actor actor) => actor switch
    {
        Actor.AnonymousOnMilwaukee => (Persona.Anonymous, world.Milwaukee),
        Actor.MadisonViewerOnMadison => (Persona.MadisonViewer, world.Madison),
        Actor.MadisonViewerOnMilwaukee => (Persona.MadisonViewer, world.Milwaukee),
        Actor.MilwaukeeAdminOnMilwaukee => (Persona.MilwaukeeAdmin, world.Milwaukee),
        Actor.MilwaukeeAdminOnChicago => (Persona.MilwaukeeAdmin, world.Chicago),
        _ => (Persona.SystemAdmin, world.Chicago),
    };

    /// <summary>The entity the call is about: a league or city in the target city, or a user for /api/users.</summary>
    private async Task<(Guid Id, string Name)> TargetAsync(string key, Guid city)
    {
        if (key.Contains("/api/trivia/leagues", StringComparison.Ordinal) || key.Contains("/api/trivia/unmatched/", StringComparison.Ordinal))
        {
            // A trivia league with a team in the target city, and a partner team of that city waiting for review.
            var trivia = await World.SendAsSystemAsync(new CreateLeague(new LeagueFields($"Trivia {Guid.NewGuid():N}", "Trivia", city, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
            contextLeague = trivia.Id;
            contextTeam = (await world.TeamInAsync(trivia.Id, $"Quiz Team {Guid.NewGuid():N}")).Id;
            if (key.Contains("/api/trivia/leagues", StringComparison.Ordinal))
            {
                return (trivia.Id, trivia.Name);
            }

            var link = Guid.NewGuid();
            var name = $"Partner Team {Guid.NewGuid():N}";
            await Database.Postgres.ExecuteAsync(
                "INSERT INTO trivia.partner_links (id, kind, partner, season, partner_id, name, city_name, city_id, status, created_at) VALUES ($1, 'Team', 'feed-v1', '2026-fall', $2, $3, 'x', $4, 'Pending', now())",
                link, $"t-{Guid.NewGuid():N}", name, city);
            return (link, name);
        }

        if (key.Contains("/api/trivia/uploads/", StringComparison.Ordinal))
        {
            // A previewed upload of a night in the target city (a trivia league there makes the city's name known).
            await World.SendAsSystemAsync(new CreateLeague(new LeagueFields($"Trivia {Guid.NewGuid():N}", "Trivia", city, 2026, SeasonTerm.Fall, DayOfWeek.Tuesday, "Bar", LeagueStatus.Active)));
            var cityName = city == world.Milwaukee ? "Milwaukee" : city == world.Chicago ? "Chicago" : "Madison";
            var fileName = $"nights-{Guid.NewGuid():N}.csv";
            var upload = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.UploadTriviaNights(fileName, System.Text.Encoding.UTF8.GetBytes(UploadCsv(cityName))));
            return (upload.Id, fileName);
        }

        if (key.Contains("/api/trivia/sync-runs/", StringComparison.Ordinal))
        {
            var run = await World.SendAsSystemAsync(new MidwestSports.Trivia.Contracts.StartTriviaSync(MidwestSports.Trivia.Contracts.SyncTrigger.Manual));
            return (run.Id, "no-name-" + run.Id);
        }

        if (key.Contains("/api/imports/{id:guid}", StringComparison.Ordinal))
        {
            // A previewed teams file of the target city, naming a league there.
            var league = await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}");
            var fileName = $"teams-{Guid.NewGuid():N}.csv";
            var started = await World.SendAsSystemAsync(new MidwestSports.Import.Contracts.StartImport(
                fileName, System.Text.Encoding.UTF8.GetBytes($"Team,League,Captain\nMatrix Team,{league.Name},Pat Captain\n"), MidwestSports.Import.Contracts.ImportKind.Teams, city));
            await World.ImportSettledAsync(started.Id);
            return (started.Id, fileName);
        }

        if (key.Contains("/api/venues", StringComparison.Ordinal))
        {
            var venue = await World.SendAsSystemAsync(new CreateVenue(new VenueFields(city, $"Venue {Guid.NewGuid():N}", "1 Park Ave", ["Field 1", "Field 2"])));
            return (venue.Id, venue.Name);
        }

        if (key.Contains("/api/leagues/{id:guid}/", StringComparison.Ordinal) || key.Contains("/api/games", StringComparison.Ordinal))
        {
            // A whole season: teams, a venue, slots, a blackout, a committed schedule and a two-team bracket.
            var league = await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}");
            contextVenue = (await World.SendAsSystemAsync(new CreateVenue(new VenueFields(city, $"Venue {Guid.NewGuid():N}", "1 Park Ave", ["Field 1", "Field 2"])))).Id;
            for (var i = 0; i < 4; i++)
            {
                await world.TeamInAsync(league.Id, $"Team {i} {Guid.NewGuid():N}");
            }

            await World.SendAsSystemAsync(new SetLeagueSlots(league.Id, [new SlotFields(contextVenue, "Field 1", new TimeOnly(19, 0), 60), new SlotFields(contextVenue, "Field 2", new TimeOnly(19, 0), 60)]));
            var setup = await World.SendAsSystemAsync(new AddBlackout(league.Id, new BlackoutFields(new DateOnly(2027, 7, 6), null, "Fourth of July week")));
            contextBlackout = setup.Blackouts[0].Id;
            await World.SendAsSystemAsync(new GenerateSchedule(league.Id, ScheduleFormat.Single, new DateOnly(2027, 4, 6), 4, Commit: true));
            await World.SendAsSystemAsync(new CreatePlayoffs(league.Id, PlayoffFormat.SingleElimination, 2));
            if (key.Contains("/api/games", StringComparison.Ordinal))
            {
                var game = (await World.SendAsSystemAsync(new ListGames(league.Id))).First(g => g.Kind == GameKind.Regular);
                if (key.StartsWith("DELETE", StringComparison.Ordinal))
                {
                    await World.SendAsSystemAsync(new RecordResult(game.Id, new ResultFields(4, 2)));
                }

                return (game.Id, league.Name);
            }

            return (league.Id, league.Name);
        }

        if (key.Contains("/api/leagues", StringComparison.Ordinal))
        {
            var league = await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}");
            return (league.Id, league.Name);
        }

        if (key.Contains("/api/sponsors", StringComparison.Ordinal))
        {
            var sponsor = await world.SponsorInAsync(city, $"Sponsor {Guid.NewGuid():N}");
            return (sponsor.Id, sponsor.Name);
        }

        if (key.Contains("/api/teams", StringComparison.Ordinal))
        {
            contextLeague = (await world.LeagueInAsync(city, $"League {Guid.NewGuid():N}")).Id;
            contextSponsor = (await world.SponsorInAsync(city, $"Sponsor {Guid.NewGuid():N}")).Id;
            var team = await world.TeamInAsync(contextLeague, $"Team {Guid.NewGuid():N}");
            if (key.Contains("/players", StringComparison.Ordinal))
            {
                contextPlayer = (await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.AddPlayer(team.Id, new("Robin Roster", "robin@example.org", "414-555-0199", IsCaptain: true)))).Id;
            }

            if (key.EndsWith("/restore", StringComparison.Ordinal))
            {
                // Only a deleted team can be restored.
                await World.SendAsSystemAsync(new MidwestSports.Teams.Contracts.DeleteTeam(team.Id));
            }

            return (team.Id, team.Name);
        }

        if (key.EndsWith("/password-reset", StringComparison.Ordinal))
        {
            // A user of its own: a forced reset clears the password and ends the sessions of whoever it targets.
            var user = await World.SendAsSystemAsync(new MidwestSports.Identity.Contracts.CreateUser(
                $"reset-{Guid.NewGuid():N}@test.example.org", "Reset Target", World.Password, PlatformRole.CityAdmin, [city]));
            return (user.Id, user.Email);
        }

        if (key.Contains("/api/users", StringComparison.Ordinal))
        {
            return (world.UserId(Persona.ChicagoAdmin), World.Email(Persona.ChicagoAdmin));
        }

        return (city, city == world.Milwaukee ? "Milwaukee" : city == world.Chicago ? "Chicago" : "Madison");
    }

    private static HttpRequestMessage Request(string key, Guid target, Guid city, Guid league, Guid sponsor, Guid venue, Guid blackout, Guid team)
    {
        var verb = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        var path = key[(verb.Length + 1)..].Replace("{id:guid}", target.ToString(), StringComparison.Ordinal).Replace("{documentName:regex(^v1$)}", "v1", StringComparison.Ordinal)
            .Replace("{blackoutId:guid}", blackout.ToString(), StringComparison.Ordinal)
            .Replace("{leagueId:guid}", target.ToString(), StringComparison.Ordinal)
            .Replace("{rowId:int}", "1", StringComparison.Ordinal)
            + (verb == "DELETE" && key.EndsWith("/result", StringComparison.Ordinal) ? "?reason=entered%20on%20the%20wrong%20game" : string.Empty);
        var request = new HttpRequestMessage(new HttpMethod(verb), path);
        object? body = (verb, path) switch
        {
            ("POST", var p) when p.StartsWith("/api/venues", StringComparison.Ordinal) => (object)new { cityId = city, name = "New Venue", address = "1 Main St", fields = new[] { "Field 1" } },
            ("PUT", var p) when p.StartsWith("/api/venues", StringComparison.Ordinal) => new { cityId = city, name = "Renamed Venue", address = "1 Main St", fields = new[] { "Field 1", "Field 2" } },
            ("PUT", var p) when p.EndsWith("/slots", StringComparison.Ordinal) => new[] { new { venueId = venue, field = "Field 1", start = "18:00", durationMinutes = 60 } },
            ("POST", var p) when p.EndsWith("/blackouts", StringComparison.Ordinal) => new { date = "2027-05-04", reason = "Memorial week" },
            ("PUT", var p) when p.StartsWith("/api/trivia/", StringComparison.Ordinal) && p.EndsWith("/rules", StringComparison.Ordinal) => new { scoring = "PlacementPoints", pointsTable = new[] { 10, 8, 6 }, bestNights = 8, minimumNights = 3, excludedGameTypes = new[] { "theme" } },
            ("POST", var p) when p.EndsWith("/link", StringComparison.Ordinal) => new { targetId = team },
            ("POST", var p) when p.EndsWith("/create-team", StringComparison.Ordinal) => new { leagueId = league },
            ("PUT", var p) when p.EndsWith("/rules", StringComparison.Ordinal) => new { forfeitWinScore = 7, forfeitLossScore = 0, tieBreakers = "softball", differentialCap = 8 },
            ("POST", var p) when p.EndsWith("/schedule", StringComparison.Ordinal) => new { format = "Single", startDate = "2027-04-06", weeks = 4, commit = true },
            ("POST", var p) when p.EndsWith("/playoffs", StringComparison.Ordinal) => new { format = "SingleElimination", teams = 2 },
            ("PUT", var p) when p.StartsWith("/api/games/", StringComparison.Ordinal) && p.EndsWith("/result", StringComparison.Ordinal) => new { homeScore = 3, awayScore = 1 },
            ("PUT", var p) when p.StartsWith("/api/games/", StringComparison.Ordinal) => new { date = "2027-06-01", start = "18:00", venueId = venue, field = "Field 1" },
            ("POST", var p) when p.EndsWith("/cancel", StringComparison.Ordinal) => null,
            ("PUT", var p) when p.StartsWith("/api/imports/", StringComparison.Ordinal) && p.EndsWith("/mapping", StringComparison.Ordinal) => new { save = false },
            ("POST", var p) when p.StartsWith("/api/imports/", StringComparison.Ordinal) && p.Contains("/suggestions/", StringComparison.Ordinal) => new { accept = false },
            ("POST", var p) when p.StartsWith("/api/imports/", StringComparison.Ordinal) && p.EndsWith("/commit", StringComparison.Ordinal) => new { mode = "all" },
            ("POST", var p) when p.StartsWith("/api/cities", StringComparison.Ordinal) => (object)new { name = "Green Bay", state = "WI", timeZone = "America/Chicago" },
            ("PUT", var p) when p.StartsWith("/api/cities", StringComparison.Ordinal) => new { name = "Renamed City", state = "WI", timeZone = "America/Chicago" },
            ("POST", var p) when p.StartsWith("/api/leagues", StringComparison.Ordinal) => LeagueBody(city, "Thursday Softball"),
            ("PUT", var p) when p.StartsWith("/api/leagues", StringComparison.Ordinal) => LeagueBody(city, "Renamed League"),
            ("POST", var p) when p.StartsWith("/api/sponsors/", StringComparison.Ordinal) && (p.EndsWith("/deactivate", StringComparison.Ordinal) || p.EndsWith("/reactivate", StringComparison.Ordinal)) => null,
            ("POST", var p) when p.StartsWith("/api/sponsors", StringComparison.Ordinal) => new { name = "New Sponsor", cityIds = new[] { city } },
            ("PUT", var p) when p.StartsWith("/api/sponsors", StringComparison.Ordinal) => new { name = "Renamed Sponsor", cityIds = new[] { city } },
            ("PUT", var p) when p.EndsWith("/sponsor", StringComparison.Ordinal) => new { sponsorId = sponsor },
            ("POST" or "PUT", var p) when p.Contains("/players", StringComparison.Ordinal) => new { name = "Pat Player", email = "pat.player@example.org", isCaptain = true },
            ("POST", var p) when p.StartsWith("/api/teams", StringComparison.Ordinal) && p.EndsWith("/restore", StringComparison.Ordinal) => null,
            ("POST", var p) when p.StartsWith("/api/teams", StringComparison.Ordinal) => TeamBody(league, "New Team"),
            ("PUT", var p) when p.StartsWith("/api/teams", StringComparison.Ordinal) => TeamBody(league, "Renamed Team"),
            ("POST", var p) when p.StartsWith("/api/users", StringComparison.Ordinal) =>
                new { email = $"new-{Guid.NewGuid():N}@test.example.org", displayName = "New", password = World.Password, role = "CityAdmin", cityIds = new[] { city } },
            ("PUT", var p) when p.StartsWith("/api/users", StringComparison.Ordinal) =>
                new { displayName = "ChicagoAdmin", role = "CityAdmin", cityIds = new[] { city }, disabled = false },
            _ => null,
        };
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (verb == "POST" && path == "/api/imports/")
        {
            request.Content = new MultipartFormDataContent
            {
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Team,League,Captain\nMatrix Team,No Such League,Pat Captain\n")), "file", "teams.csv" },
                { new StringContent("teams"), "kind" },
                { new StringContent(city.ToString()), "cityId" },
            };
        }

        if (verb == "POST" && path == "/api/trivia/uploads")
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(UploadCsv("Milwaukee"))), "file", "nights.csv" } };
        }

        return request;
    }

    /// <summary>A partner export of one night in <paramref name="city"/>.</summary>
    private static string UploadCsv(string city) =>
        "Event ID,Status,Date,Start Time,Venue ID,Venue Name,City,Team ID,Team Name,Total\n"
        + $"ev-{Guid.NewGuid():N},final,2026-11-03,19:00,v-{city},{city} Quiz Bar,{city},t-1,Matrix Quizzers,40\n";

    private static object TeamBody(Guid leagueId, string name) => new
    {
        name,
        leagueId,
        captainName = "Pat Captain",
        captainEmail = "pat@example.org",
        rosterSize = 12,
        status = "Active",
    };

    private static object LeagueBody(Guid cityId, string name) => new
    {
        name,
        sport = "Softball",
        cityId,
        seasonYear = 2026,
        term = "Fall",
        night = "Thursday",
        level = "Co-ed Rec",
        status = "Registration",
    };
}
