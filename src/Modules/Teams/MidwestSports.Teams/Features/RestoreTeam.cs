using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features;

/// <summary>
/// The undo of a delete: the archived team comes back with its id, fields and roster under the rules of any team write
/// (a live league the caller may write in, a name free in that league), re-projected and published like a create.
/// </summary>
internal sealed class RestoreTeamHandler(TeamsDbContext db, CurrentScope current, TeamRules rules) : ICommandHandler<RestoreTeam, TeamDto>
{
    public async ValueTask<TeamDto> Handle(RestoreTeam command, CancellationToken cancellationToken)
    {
        // Never deleted, unknown and another city's are alike: 404, so that another city's team does not leak.
        var archived = await db.DeletedTeams.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(t => t.TeamId == command.TeamId, cancellationToken)
            ?? throw new NotFoundException("Team", command.TeamId);
        current.Scope.EnsureCanWrite();
        var was = archived.Snapshot();
        var league = await rules.LeagueForWriteAsync(was.LeagueId, current.Scope, cancellationToken);
        var sponsor = await SponsorStillAllowedAsync(was.SponsorId, league, cancellationToken);
        var fields = new TeamFields(was.Name, was.LeagueId, sponsor?.SponsorId, was.CaptainName, was.CaptainEmail, was.CaptainPhone, was.RosterSize, was.Status);
        await rules.EnsureUniqueNameAsync(was.Id, fields, cancellationToken);
        var team = Team.Restore(was, fields);
        var players = archived.Roster().Select(Player.Restore).ToList();
        current.AuditReason = "restored after it was deleted";
        try
        {
            await rules.SaveAndProjectAsync(team, league, sponsor, async ct =>
            {
                if (await TeamArchive.TakeAsync(db, team.Id, ct) == 0)
                {
                    throw new NotFoundException("Team", team.Id);
                }

                db.Teams.Add(team);
                db.Players.AddRange(players);
            }, cancellationToken);
        }
        finally
        {
            current.AuditReason = null;
        }

        return team.ToDto();
    }

    /// <summary>
    /// A sponsor that can no longer sponsor the team (gone, deactivated, no longer in its city) is left off: the team
    /// and its roster matter more than the sponsorship, which the admin can settle on the restored team. The answer's
    /// sponsorId says which happened.
    /// </summary>
    private async Task<SponsorFacts?> SponsorStillAllowedAsync(Guid? sponsorId, Leagues.Contracts.LeagueFacts league, CancellationToken ct)
    {
        try
        {
            return await rules.SponsorForAsync(sponsorId, league, current.Scope, ct);
        }
        catch (ValidationException)
        {
            return null;
        }
    }
}

internal static class RestoreTeamEndpoint
{
    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/{id:guid}/restore", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new RestoreTeam(id), ct)))
            .WithName("RestoreTeam")
            .WithDescription("Undoes a delete: the team comes back with its id, fields and roster. A sponsor that can no longer sponsor it is left off (sponsorId null).")
            .Produces<TeamDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
