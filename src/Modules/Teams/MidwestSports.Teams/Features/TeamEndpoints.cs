using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Spreadsheets;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Features;

internal static class TeamEndpoints
{
    private static readonly string[] ListParameters =
        ["sort", "page", "pageSize", "cursor", "q", "name", "sponsorName", "leagueName", "captainName", "leagueId", "cityId", "sponsorId", "hasSponsor", "season", "status"];

    public sealed record SponsorBody(Guid? SponsorId);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var teams = endpoints.MapGroup("/api/teams").WithTags("Teams").RequireAuthorization(AccessPolicies.CityUser);
        teams.MapGet("/", async (HttpContext http, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(ParseList(http.Request.Query), ct)))
            .WithName("ListTeams")
            .Produces<TeamListingPage>()
            .WithDescription("The team listing: sort by any column (prefix '-' for descending), filter, page by number or cursor.")
            .ProducesValidationProblem();
        teams.MapGet("/export.csv", ExportCsvAsync)
            .WithName("ExportTeamsCsv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithDescription("Exactly the filtered and sorted view of GET /api/teams, every page, as CSV.")
            .ProducesValidationProblem();
        teams.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetTeam(id), ct)))
            .WithName("GetTeam")
            .Produces<TeamDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapPost("/", async (TeamFields body, ISender sender, CancellationToken ct) =>
            {
                var team = await sender.Send(new CreateTeam(body), ct);
                return Results.Created($"/api/teams/{team.Id}", team);
            })
            .WithName("CreateTeam")
            .Produces<TeamDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapPut("/{id:guid}", async (Guid id, TeamFields body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateTeam(id, body), ct)))
            .WithName("UpdateTeam")
            .Produces<TeamDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteTeam(id), ct);
                return Results.NoContent();
            })
            .WithName("DeleteTeam")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapPut("/{id:guid}/sponsor", async (Guid id, SponsorBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetTeamSponsor(id, body.SponsorId ?? throw Invalid("sponsorId", "sponsorId is required.")), ct)))
            .WithName("AssignTeamSponsor")
            .Produces<TeamDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapDelete("/{id:guid}/sponsor", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetTeamSponsor(id, null), ct)))
            .WithName("UnassignTeamSponsor")
            .Produces<TeamDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        RestoreTeamEndpoint.Map(teams);
        Players.ListPlayersEndpoint.Map(teams);
        Players.AddPlayerEndpoint.Map(teams);
        Players.UpdatePlayerEndpoint.Map(teams);
        Players.RemovePlayerEndpoint.Map(teams);
    }

    /// <summary>Query string to <see cref="ListTeams"/>; an unknown parameter or an unreadable value is a 400 that names it.</summary>
    internal static ListTeams ParseList(IQueryCollection query)
    {
        var failures = new List<ValidationFailure>();
        foreach (var key in query.Keys.Where(k => !ListParameters.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add(new ValidationFailure(key, $"Unknown parameter '{key}'. Allowed: {string.Join(", ", ListParameters)}."));
        }

        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;
        int Int(string name, int fallback)
        {
            var text = Text(name);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            failures.Add(new ValidationFailure(name, $"{name} must be a whole number."));
            return fallback;
        }

        Guid? Id(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (Guid.TryParse(text, out var id))
            {
                return id;
            }

            failures.Add(new ValidationFailure(name, $"{name} must be an id (GUID)."));
            return null;
        }

        bool? Flag(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (bool.TryParse(text, out var flag))
            {
                return flag;
            }

            failures.Add(new ValidationFailure(name, $"{name} must be true or false."));
            return null;
        }

        TeamStatus? Status(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (Enum.TryParse<TeamStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _))
            {
                return status;
            }

            failures.Add(new ValidationFailure(name, $"{name} must be one of: {string.Join(", ", Enum.GetNames<TeamStatus>())}."));
            return null;
        }

        var list = new ListTeams(
            Text("sort"), Int("page", 1), Int("pageSize", 25), Text("cursor"), Text("q"), Text("name"), Text("sponsorName"),
            Text("leagueName"), Text("captainName"), Id("leagueId"), Id("cityId"), Id("sponsorId"), Flag("hasSponsor"), Season: Text("season"),
            Status: Status("status"));
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return list;
    }

    /// <summary>Streams every page of the same query; cells that a spreadsheet would run as a formula are neutralised.</summary>
    private static async Task ExportCsvAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        var query = ParseList(http.Request.Query) with { PageSize = 200, Page = 1, Cursor = null, WithTotal = false };
        var first = await sender.Send(query, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"teams.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync("Team,League,City,Sport,Season,Sponsor,Captain,Created (UTC),Id");
        var page = first;
        while (true)
        {
            foreach (var t in page.Items)
            {
                await writer.WriteLineAsync(string.Join(',', new[]
                {
                    SafeCsv.Cell(t.Name), SafeCsv.Cell(t.LeagueName), SafeCsv.Cell(t.CityName), SafeCsv.Cell(t.Sport), SafeCsv.Cell(t.Season), SafeCsv.Cell(t.SponsorName),
                    SafeCsv.Cell(t.CaptainName), t.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), t.Id.ToString(),
                }));
            }

            if (page.NextCursor is null)
            {
                break;
            }

            page = await sender.Send(query with { Cursor = page.NextCursor }, ct);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
